package org.mltrading.query.security;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import java.util.List;
import org.mltrading.graphql.types.Principal;
import org.springframework.security.access.prepost.PreAuthorize;

/** {@code me}: lets a client check its token and roles. */
@DgsComponent
class PrincipalDataFetcher {

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    Principal me() {
        ApiPrincipal principal = ApiPrincipal.current();
        return Principal.newBuilder().subject(principal.subject()).roles(List.copyOf(principal.roles())).build();
    }
}
