package org.mltrading.query.account;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import java.time.Duration;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mltrading.api.account.CreateAccountCommand;
import org.mltrading.api.account.GrantAccountEntitlementCommand;
import org.mltrading.api.account.RevokeAccountEntitlementCommand;
import org.mltrading.api.common.AccountId;
import org.mltrading.graphql.types.Account;
import org.mltrading.graphql.types.OpenAccountInput;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.ReadYourWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;

/** Accounts and who may use them — platform data, managed by ADMIN (identities live in the auth server). */
@DgsComponent
class AccountAdminDataFetcher {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

    private final AccountDirectory directory;
    private final AccountDataFetcher accounts;
    private final CommandGateway commandGateway;
    private final PositionUpdates updates;
    private final Duration readYourWritesTimeout;

    AccountAdminDataFetcher(AccountDirectory directory, AccountDataFetcher accounts, CommandGateway commandGateway,
            PositionUpdates updates, @Value("${platform.graphql.read-your-writes-timeout}") Duration readYourWritesTimeout) {
        this.directory = directory;
        this.accounts = accounts;
        this.commandGateway = commandGateway;
        this.updates = updates;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    Account grantAccountEntitlement(@InputArgument String accountId, @InputArgument String principal) {
        AccountView account = existing(accountId);
        return accounts.sendAndAwait(account, new GrantAccountEntitlementCommand(new AccountId(account.id()),
                requirePrincipal(principal)));
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    Account revokeAccountEntitlement(@InputArgument String accountId, @InputArgument String principal) {
        AccountView account = existing(accountId);
        String who = requirePrincipal(principal);
        if (who.equals(account.owner())) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "the owner's access to the account cannot be revoked");
        }
        if (account.entitledPrincipals() == null || !account.entitledPrincipals().contains(who)) {
            return accounts.toGraphQl(account); // nothing to withdraw
        }
        return accounts.sendAndAwait(account, new RevokeAccountEntitlementCommand(new AccountId(account.id()), who));
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    Account openAccount(@InputArgument OpenAccountInput input) {
        if (input.getAccountId() == null || !ACCOUNT_ID.matcher(input.getAccountId()).matches()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT,
                    "accountId must be 3-64 letters, digits, '.', '_' or '-'");
        }
        if (input.getName() == null || input.getName().isBlank() || input.getOwner() == null || input.getOwner().isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "an account needs a name and an owner");
        }
        if (input.getInitialCash() == null || input.getInitialCash().signum() < 0) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "initialCash must be zero or more");
        }
        try {
            Currency.getInstance(input.getCurrency());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "currency must be an ISO 4217 code, e.g. USD");
        }
        if (directory.find(input.getAccountId()).isPresent()) {
            throw new ApiException("VALIDATION_DUPLICATE", "account " + input.getAccountId() + " already exists");
        }
        CreateAccountCommand open = new CreateAccountCommand(new AccountId(input.getAccountId()), input.getName().trim(),
                input.getOwner().trim(), input.getCurrency(), input.getInitialCash(), Set.of());
        return accounts.toGraphQl(ReadYourWrites.sendAndAwait(commandGateway, open,
                updates.accounts().filter(view -> view.id().equals(input.getAccountId())),
                readYourWritesTimeout, () -> directory.find(input.getAccountId()), "account"));
    }

    private AccountView existing(String accountId) {
        return directory.find(accountId).orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND, "no account " + accountId));
    }

    private static String requirePrincipal(String principal) {
        if (principal == null || principal.isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "principal must be a user name or client id");
        }
        return principal.trim();
    }
}
