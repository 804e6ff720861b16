package org.mltrading.query.account;

import java.util.List;
import java.util.Optional;
import org.mltrading.query.security.ApiPrincipal;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Entitlements, resolved per request from the account read model: who may see and who may trade an
 * account. Desk-wide roles (RISK_OFFICER, COMPLIANCE, ADMIN) see every account but trade none.
 */
@Service
public class AccountDirectory {

    private static final String[] DESK_WIDE_READERS = {"ADMIN", "RISK_OFFICER", "COMPLIANCE"};

    private final MongoTemplate mongo;

    public AccountDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<AccountView> find(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, AccountView.class));
    }

    /** The account without its positions: what an entitlement check needs, read on every order. */
    public Optional<AccountView> findForAccess(String accountId) {
        Query query = Query.query(Criteria.where("_id").is(accountId));
        query.fields().exclude("positions");
        return Optional.ofNullable(mongo.findOne(query, AccountView.class));
    }

    public boolean canView(ApiPrincipal principal, AccountView account) {
        return principal.hasAnyRole(DESK_WIDE_READERS) || isOwnerOrEntitled(principal, account);
    }

    public boolean canTrade(ApiPrincipal principal, AccountView account) {
        boolean trader = principal.hasRole("TRADER") || principal.hasRole("INTEGRATOR") && principal.scopes().contains("trade");
        return trader && isOwnerOrEntitled(principal, account);
    }

    /**
     * Exactly the accounts whose {@code account(id)} answers for this caller: the query only narrows
     * what is read, {@link #canView} decides (issue 14, finding 11: a client named like a user saw the
     * user's accounts listed, which its {@code account(id)} then answered null).
     */
    public List<AccountView> visibleTo(ApiPrincipal principal) {
        if (principal.hasAnyRole(DESK_WIDE_READERS)) {
            return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")), AccountView.class);
        }
        Query query = new Query(new Criteria().orOperator(
                Criteria.where("owner").is(principal.subject()),
                Criteria.where("entitledPrincipals").is(principal.subject())))
                .with(org.springframework.data.domain.Sort.by("_id"));
        return mongo.find(query, AccountView.class).stream().filter(account -> canView(principal, account)).toList();
    }

    private static boolean isOwnerOrEntitled(ApiPrincipal principal, AccountView account) {
        String subject = principal.subject();
        boolean owner = !principal.client() && subject.equals(account.owner());
        boolean entitled = account.entitledPrincipals() != null && account.entitledPrincipals().contains(subject);
        return owner || entitled;
    }
}
