package org.mltrading.query.marketdata.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.query.marketdata.instrument.SimulationParameters;

/**
 * One instrument's simulated market: the {@link PriceProcess} mid, turned into a quote on the tick
 * grid and occasional trade prints on the lot grid. Pure and deterministic: for the same instrument,
 * parameters, generator stream and step length, {@link #next()} returns the same ticks in every run,
 * however the caller schedules them. Prices and sizes are computed as whole ticks and lots
 * ({@code long}) and only then turned into {@link BigDecimal}s; doubles stay inside the model.
 * Not thread-safe: one owner steps it.
 */
public final class InstrumentSimulation {

    private static final double DAY_IN_YEARS = 1 / 365.25;
    /** Trading never becomes certain without news (a jump), however volatile. */
    private static final double MAX_TRADE_PROBABILITY = 0.9;
    /** Order flow follows the move: an up-tick is more often met by buyers, a down-tick by sellers. */
    private static final double BUYER_SHARE_AFTER_UPTICK = 0.6;

    private final Instrument instrument;
    private final ModelParameters model;
    private final RandomGenerator random;
    private final PriceProcess process;
    private final BigDecimal tickSize;
    private final BigDecimal lotSize;
    private final int priceScale;
    private final int sizeScale;
    private final double tick;
    private final double lot;
    private final double medianNotional;
    private long lastTicks;
    private long step;
    private long tradeId;

    /**
     * @param random      this instrument's own stream (see {@link Seeds#generator})
     * @param stepSeconds simulated time per step, in seconds
     */
    public InstrumentSimulation(Instrument instrument, SimulationParameters parameters, ModelParameters model,
                                RandomGenerator random, double stepSeconds) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.model = Objects.requireNonNull(model, "model");
        this.random = Objects.requireNonNull(random, "random");
        this.process = new PriceProcess(parameters.startPrice().doubleValue(), parameters.annualVolatility(), model,
                random, stepSeconds / PriceProcess.SECONDS_PER_YEAR);
        this.tickSize = instrument.tickSize();
        this.lotSize = instrument.lotSize();
        this.priceScale = Math.max(0, tickSize.stripTrailingZeros().scale());
        this.sizeScale = Math.max(0, lotSize.stripTrailingZeros().scale());
        this.tick = tickSize.doubleValue();
        this.lot = lotSize.doubleValue();
        this.medianNotional = model.medianTradeNotional(instrument.assetClass());
        this.lastTicks = Math.max(1, parameters.startPrice().divide(tickSize, 0, RoundingMode.HALF_EVEN).longValueExact());
    }

    /** A simulation on the stream {@link Seeds} derives from the master seed and the symbol. */
    public static InstrumentSimulation seeded(Instrument instrument, SimulationParameters parameters,
                                              ModelParameters model, long masterSeed, double stepSeconds) {
        return new InstrumentSimulation(instrument, parameters, model, Seeds.generator(masterSeed, instrument.symbol()),
                stepSeconds);
    }

    /** Advances one step and returns the new top of book (and a trade print, if one happened). */
    public SimulatedTick next() {
        double before = process.price();
        int jumps = process.step();
        double mid = process.price();
        double variance = process.variance();

        // the spread scales with the instantaneous volatility, so it widens when the market is wild
        double spreadFraction = model.spreadFactor() * Math.sqrt(variance * DAY_IN_YEARS);
        long spreadTicks = Math.max(1, (long) Math.ceil(mid * spreadFraction / tick));
        long bidTicks = Math.max(1, (long) Math.floor(mid / tick - spreadTicks / 2.0));
        long askTicks = bidTicks + spreadTicks;

        step++;
        SimulatedTrade trade = null;
        if (random.nextDouble() < tradeProbability(jumps, variance)) {
            double buyerShare = mid >= before ? BUYER_SHARE_AFTER_UPTICK : 1 - BUYER_SHARE_AFTER_UPTICK;
            boolean buyer = random.nextDouble() < buyerShare;
            lastTicks = buyer ? askTicks : bidTicks;
            double notional = medianNotional * Math.exp(model.tradeSizeDispersion() * random.nextGaussian());
            long lots = Math.max(1, Math.round(notional / mid / lot));
            trade = new SimulatedTrade(price(lastTicks), size(lots), buyer, ++tradeId);
        }
        return new SimulatedTick(instrument.symbol(), step, price(bidTicks), price(askTicks), price(lastTicks),
                Optional.ofNullable(trade), mid, variance, jumps);
    }

    private double tradeProbability(int jumps, double variance) {
        if (jumps > 0) {
            return 1;
        }
        return Math.min(MAX_TRADE_PROBABILITY,
                model.tradeProbability() * Math.sqrt(variance / process.longRunVariance()));
    }

    private BigDecimal price(long ticks) {
        return BigDecimal.valueOf(ticks).multiply(tickSize).setScale(priceScale, RoundingMode.UNNECESSARY);
    }

    private BigDecimal size(long lots) {
        return BigDecimal.valueOf(lots).multiply(lotSize).setScale(sizeScale, RoundingMode.UNNECESSARY);
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The underlying model, for diagnostics and tests. */
    public PriceProcess process() {
        return process;
    }

    /** Steps taken so far. */
    public long steps() {
        return step;
    }
}
