package org.mltrading.query.marketdata;

import io.questdb.client.Sender;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes every published quote and trade to QuestDB through the ILP HTTP sender, in batches from one
 * background thread. A full queue makes the publisher wait (no tick is dropped); a failed flush is
 * retried with the same rows, which the tables' DEDUP keys make harmless.
 */
@Component
public class QuestDbMarketDataWriter implements MarketDataSink, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuestDbMarketDataWriter.class);
    // QuestDB commits per flush: bigger batches amortise the commit (the ILP sender itself defaults to 75k rows)
    private static final int BATCH = 75_000;

    private final String ilpConfig;
    private final QuestDbSchemaInitializer schema;
    private final BlockingQueue<Object> queue;
    private final long flushIntervalMillis;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    public QuestDbMarketDataWriter(@Value("${platform.questdb.ilp}") String ilpConfig,
                                   @Value("${platform.marketdata.writer.queue-capacity:262144}") int capacity,
                                   @Value("${platform.marketdata.writer.flush-interval-ms:100}") long flushIntervalMillis,
                                   QuestDbSchemaInitializer schema) {
        this.ilpConfig = ilpConfig;
        this.schema = schema;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flushIntervalMillis = flushIntervalMillis;
    }

    @Override
    public void accept(Quote quote) {
        enqueue(quote);
    }

    @Override
    public void accept(Trade trade) {
        enqueue(trade);
    }

    private void enqueue(Object row) {
        try {
            queue.put(row);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows handed to QuestDB (flushed) since start. */
    public long rowsWritten() {
        return written.get();
    }

    /** Rows waiting in memory. */
    public int backlog() {
        return queue.size();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "questdb-writer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts before and stops after the feeds (default phase), so nothing they publish is dropped. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        List<Object> batch = new ArrayList<>(BATCH);
        Sender sender = null;
        while (running || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Object first = queue.poll(flushIntervalMillis, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                while (!schema.isReady()) {
                    Thread.sleep(500);
                }
                if (sender == null) {
                    sender = Sender.fromConfig(ilpConfig);
                }
                for (Object row : batch) {
                    write(sender, row);
                }
                sender.flush();
                written.addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                if (!running && queue.isEmpty() && batch.isEmpty()) {
                    break;
                }
            } catch (RuntimeException e) {
                log.warn("QuestDB write of {} rows failed, retrying: {}", batch.size(), e.getMessage());
                closeQuietly(sender);
                sender = null;
                sleepQuietly(1_000);
            }
        }
        closeQuietly(sender);
    }

    private static void write(Sender sender, Object row) {
        if (row instanceof Quote quote) {
            sender.table("quotes").symbol("symbol", quote.symbol());
            decimal(sender, "bid", quote.bid(), Decimals.PRICE_SCALE);
            decimal(sender, "ask", quote.ask(), Decimals.PRICE_SCALE);
            decimal(sender, "last", quote.last(), Decimals.PRICE_SCALE);
            sender.at(quote.time().getEpochSecond() * 1_000_000L + quote.time().getNano() / 1_000, ChronoUnit.MICROS);
        } else if (row instanceof Trade trade) {
            sender.table("trades").symbol("symbol", trade.symbol()).symbol("source", "live");
            decimal(sender, "price", trade.price(), Decimals.PRICE_SCALE);
            decimal(sender, "size", trade.size(), Decimals.SIZE_SCALE);
            sender.longColumn("trade_id", trade.tradeId());
            sender.at(trade.time().getEpochSecond() * 1_000_000L + trade.time().getNano() / 1_000, ChronoUnit.MICROS);
        }
    }

    private static void decimal(Sender sender, String column, BigDecimal value, int maxScale) {
        if (value != null) {
            BigDecimal scaled = value.scale() > maxScale ? value.setScale(maxScale, RoundingMode.HALF_EVEN) : value;
            sender.decimalColumn(column, scaled.toPlainString());
        }
    }

    private static void closeQuietly(Sender sender) {
        if (sender != null) {
            try {
                sender.close();
            } catch (RuntimeException e) {
                log.debug("closing ILP sender: {}", e.getMessage());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
