package org.mltrading.query.account;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.time.OffsetDateTime;
import java.util.List;
import org.mltrading.graphql.types.Account;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.security.ApiPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;

/** GraphQL queries of the account context. */
@DgsComponent
class AccountDataFetcher {

    private final AccountDirectory directory;

    AccountDataFetcher(AccountDirectory directory) {
        this.directory = directory;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<Account> accounts() {
        return directory.visibleTo(ApiPrincipal.current()).stream().map(AccountDataFetcher::toGraphQl).toList();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    Account account(@InputArgument String id, @InputArgument OffsetDateTime asOf) {
        if (asOf != null) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "asOf (time travel) is not available yet");
        }
        ApiPrincipal principal = ApiPrincipal.current();
        return directory.find(id).filter(view -> directory.canView(principal, view))
                .map(AccountDataFetcher::toGraphQl).orElse(null);
    }

    static Account toGraphQl(AccountView view) {
        return Account.newBuilder().id(view.id()).name(view.name()).owner(view.owner()).currency(view.currency())
                .build();
    }
}
