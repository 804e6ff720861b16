package org.mltrading.query.order;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mltrading.api.account.PreTradeCheckReport;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.graphql.types.Order;
import org.mltrading.graphql.types.OrderPreview;
import org.mltrading.graphql.types.RiskCheck;
import org.mltrading.graphql.types.PlaceOrderInput;

/** Maps between the generated GraphQL types (the edge) and api records / read models (the inside). */
final class OrderMapper {

    private OrderMapper() {
    }

    static OrderTerms terms(PlaceOrderInput input) {
        return new OrderTerms(input.getSymbol().trim().toUpperCase(java.util.Locale.ROOT),
                org.mltrading.api.common.Side.valueOf(input.getSide().name()),
                org.mltrading.api.order.OrderType.valueOf(input.getType().name()),
                input.getQuantity(), input.getLimitPrice(), input.getStopPrice(),
                input.getTimeInForce() == null ? org.mltrading.api.order.TimeInForce.DAY
                        : org.mltrading.api.order.TimeInForce.valueOf(input.getTimeInForce().name()),
                input.getExpireAt() == null ? null : input.getExpireAt().toInstant());
    }

    static AccountId accountId(String raw) {
        return new AccountId(raw);
    }

    static Order toGraphQl(OrderView view) {
        return Order.newBuilder()
                .id(view.id())
                .cursor(OrderChangeLog.CURSORS.format(view.cursor()))
                .clientOrderId(view.clientOrderId())
                .accountId(view.accountId())
                .symbol(view.symbol())
                .side(org.mltrading.graphql.types.Side.valueOf(view.side().name()))
                .type(org.mltrading.graphql.types.OrderType.valueOf(view.type().name()))
                .quantity(view.quantity())
                .limitPrice(view.limitPrice())
                .stopPrice(view.stopPrice())
                .timeInForce(org.mltrading.graphql.types.TimeInForce.valueOf(view.timeInForce().name()))
                .expireAt(view.expireAt() == null ? null : OffsetDateTime.ofInstant(view.expireAt(), ZoneOffset.UTC))
                .status(org.mltrading.graphql.types.OrderStatus.valueOf(view.status().name()))
                .rejectReason(view.rejectReason())
                .placedAt(OffsetDateTime.ofInstant(view.placedAt(), ZoneOffset.UTC))
                .updatedAt(OffsetDateTime.ofInstant(view.updatedAt(), ZoneOffset.UTC))
                .placedBy(view.placedBy())
                .rejectCode(view.rejectCode())
                .cancelCode(view.cancelCode())
                .cancelReason(view.cancelReason())
                .filledQuantity(view.filledQuantity() == null ? java.math.BigDecimal.ZERO : view.filledQuantity())
                .averagePrice(view.averagePrice())
                .fills(view.fills() == null ? java.util.List.of() : view.fills().stream()
                        .map(fill -> org.mltrading.graphql.types.Fill.newBuilder().fillId(fill.fillId()).price(fill.price())
                                .quantity(fill.quantity()).fee(fill.fee())
                                .time(OffsetDateTime.ofInstant(fill.time(), ZoneOffset.UTC)).build())
                        .toList())
                .provenance(provenance(view.provenance()))
                .basketId(view.basketId())
                .build();
    }

    private static org.mltrading.graphql.types.OrderProvenance provenance(OrderView.ProvenanceView provenance) {
        if (provenance == null) {
            return null;
        }
        return org.mltrading.graphql.types.OrderProvenance.newBuilder()
                .strategyId(provenance.strategyId())
                .modelName(provenance.modelName())
                .modelVersion(provenance.modelVersion())
                .modelLabel(provenance.modelName() + "@" + provenance.modelVersion())
                .predictionId(provenance.predictionId())
                .predictionTime(OffsetDateTime.ofInstant(provenance.predictionTime(), ZoneOffset.UTC))
                .barTime(OffsetDateTime.ofInstant(provenance.barTime(), ZoneOffset.UTC))
                .value(provenance.value())
                .lower(provenance.lower())
                .upper(provenance.upper())
                .features(provenance.features() == null ? java.util.List.of() : new java.util.TreeMap<>(provenance.features())
                        .entrySet().stream()
                        .map(feature -> org.mltrading.graphql.types.FeatureValue.newBuilder().name(feature.getKey())
                                .value(feature.getValue()).build())
                        .toList())
                .build();
    }

    static OrderPreview toGraphQl(PreTradeCheckReport report, java.math.BigDecimal referencePrice) {
        return OrderPreview.newBuilder()
                .accepted(report.approved())
                .notional(report.notional())
                .referencePrice(referencePrice)
                .resultingPosition(report.resultingPosition())
                .resultingGrossExposure(report.resultingGrossExposure())
                .checks(report.checks().stream()
                        .map(check -> RiskCheck.newBuilder().name(check.check()).code(check.code().name())
                                .passed(check.passed()).detail(check.detail()).build())
                        .toList())
                .build();
    }

    static boolean sameTerms(OrderView view, OrderTerms terms) {
        return view.symbol().equals(terms.symbol()) && view.side() == terms.side() && view.type() == terms.type()
                && view.quantity().compareTo(terms.quantity()) == 0
                && equalPrices(view.limitPrice(), terms.limitPrice())
                && equalPrices(view.stopPrice(), terms.stopPrice())
                && view.timeInForce() == terms.timeInForce();
    }

    private static boolean equalPrices(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
