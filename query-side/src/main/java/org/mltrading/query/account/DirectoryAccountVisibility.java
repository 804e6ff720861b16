package org.mltrading.query.account;

import org.mltrading.query.security.AccountVisibility;
import org.mltrading.query.security.ApiPrincipal;
import org.springframework.stereotype.Component;

/** The account directory's one visibility rule, for the subscription guard (issue 14, finding 3). */
@Component
class DirectoryAccountVisibility implements AccountVisibility {

    private final AccountDirectory directory;

    DirectoryAccountVisibility(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean canView(ApiPrincipal principal, String accountId) {
        return directory.findForAccess(accountId).filter(account -> directory.canView(principal, account)).isPresent();
    }
}
