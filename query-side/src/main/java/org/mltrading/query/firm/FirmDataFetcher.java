package org.mltrading.query.firm;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.firm.FindFirmTradingStatusQuery;
import org.mltrading.api.firm.FirmTradingStatus;
import org.mltrading.api.firm.HaltFirmCommand;
import org.mltrading.api.firm.ResumeFirmCommand;
import org.mltrading.graphql.types.FirmTradingState;
import org.mltrading.graphql.types.TradingState;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.CommandMetadata;
import org.mltrading.query.security.ApiPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The firm-wide kill switch: halted and resumed by risk officers only, read by anyone signed in (the desk
 * shows it). The answer is the state order entry decides with, not a projection that could lag it.
 */
@DgsComponent
class FirmDataFetcher {

    private final CommandGateway commands;
    private final QueryGateway queries;

    FirmDataFetcher(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    FirmTradingState firmTradingState() {
        return toGraphQl(queries.query(new FindFirmTradingStatusQuery(), FirmTradingStatus.class).join());
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    FirmTradingState haltFirm(@InputArgument String reason) {
        return toGraphQl(commands.sendAndWait(GenericCommandMessage.asCommandMessage(new HaltFirmCommand(
                required(reason, "a firm-wide halt"))).andMetaData(CommandMetadata.of(ApiPrincipal.current()))));
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    FirmTradingState resumeFirm(@InputArgument String reason) {
        ApiPrincipal principal = ApiPrincipal.current();
        String why = "resumed by " + principal.subject() + ": " + required(reason, "resuming the firm");
        return toGraphQl(commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ResumeFirmCommand(why))
                .andMetaData(CommandMetadata.of(principal))));
    }

    private static String required(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, what + " needs a reason");
        }
        return reason.trim();
    }

    private static FirmTradingState toGraphQl(FirmTradingStatus status) {
        return FirmTradingState.newBuilder().halted(status.halted())
                .state(status.halted() ? TradingState.HALTED : TradingState.ACTIVE).reason(status.reason())
                .changedAt(status.changedAt() == null ? null : status.changedAt().atOffset(ZoneOffset.UTC)).build();
    }
}
