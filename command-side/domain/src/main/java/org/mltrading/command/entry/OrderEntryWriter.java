package org.mltrading.command.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.common.AxonTransientException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for order entry: one writer thread takes the order-entry work of all callers that
 * arrived meanwhile and runs it in one root unit of work with one transaction, so concurrent orders
 * share one durable commit instead of queueing for the account's lock one commit each (ADR 0019).
 *
 * <p>Each caller's work runs in a nested unit of work started with the caller's own command message,
 * so every event it applies carries that command's who/why metadata; Axon moves a nested unit's
 * events to the root at its commit and appends them all in the root's transaction. A caller is
 * answered only after the root has committed — acknowledged means durable (the store commits with
 * {@code WRITE_DELAY=0}).
 *
 * <p>Failure: if any work of a batch throws (bad input, an unknown account, a duplicate, a store
 * error), the whole batch is rolled back — nothing of it is stored and the aggregate cache forgets
 * what it saw — and every work of the batch runs again alone, in its own unit of work, so only the
 * failing one fails and the others are stored as if they had come one by one. Being single-threaded,
 * the writer also keeps order entry free of lock waits and of event-store gaps between its appends.
 */
public final class OrderEntryWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderEntryWriter.class);
    private static final String WRITER_THREAD = "order-entry-writer";
    /** Set on a writer's own thread: recognised by identity, not by a thread name anyone could reuse. */
    private static final ThreadLocal<Boolean> ON_WRITER = ThreadLocal.withInitial(() -> false);

    private final TransactionManager transactions;
    private final Supplier<List<CorrelationDataProvider>> correlationDataProviders;
    private final int maxBatch;
    private final Duration callerTimeout;
    private final BlockingQueue<Work<?>> queue;
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong works = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private volatile boolean running = true;

    /** {@code first} (may be null) runs before every work's {@code task} of the batch, a millisecond earlier. */
    private record Work<R>(Message<?> message, Callable<?> first, Callable<R> task, CompletableFuture<R> done) {
    }

    public OrderEntryWriter(TransactionManager transactions,
                            Supplier<List<CorrelationDataProvider>> correlationDataProviders,
                            int maxBatch, int queueCapacity, Duration callerTimeout) {
        this.transactions = transactions;
        this.correlationDataProviders = correlationDataProviders;
        this.maxBatch = maxBatch;
        this.callerTimeout = callerTimeout;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, WRITER_THREAD);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs {@code task} in the writer's next batch, in a nested unit of work of {@code message}, and
     * answers its result once the batch is committed; its exception when it failed on its own.
     */
    public <R> R write(Message<?> message, Callable<R> task) throws Exception {
        return write(message, null, task);
    }

    /**
     * As {@link #write(Message, Callable)}, in two steps: the {@code first} steps of all works of a batch
     * run, then the clock passes into the next millisecond, then their {@code task}s run. Events keep
     * millisecond timestamps in the store, so what the first step applies (an order's placement) is
     * stored with an earlier instant than what the task applies (its decision): the order read as of its
     * placement is still PENDING. One wait per batch, not per order.
     */
    public <R> R write(Message<?> message, Callable<?> first, Callable<R> task) throws Exception {
        CompletableFuture<R> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Work<>(message, first, task, done), callerTimeout.toMillis(),
                TimeUnit.MILLISECONDS)) {
            throw new OrderEntryBusyException("order entry is overloaded or stopping; retry shortly");
        }
        try {
            return done.get(callerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            // the work may still commit: the caller does not know, so it may retry (order entry is idempotent)
            throw new OrderEntryBusyException("order entry did not answer within " + callerTimeout.toMillis() + " ms");
        }
    }

    private void run() {
        ON_WRITER.set(true);
        List<Work<?>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Work<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // never leave a caller waiting: whatever was not answered fails with the cause
                batch.forEach(work -> work.done().completeExceptionally(e));
                log.error("order entry batch failed", e);
            } finally {
                batch.clear();
            }
        }
        failPending(new OrderEntryBusyException("order entry stopped"));
    }

    private void runBatch(List<Work<?>> batch) {
        batches.incrementAndGet();
        works.addAndGet(batch.size());
        if (batch.size() == 1) {
            runAlone(batch.get(0));
            return;
        }
        List<Object> results = new ArrayList<>(batch.size());
        DefaultUnitOfWork<?> root = DefaultUnitOfWork.startAndGet(batch.get(0).message());
        boolean failed = false;
        try {
            root.attachTransaction(transactions);
            boolean twoSteps = false;
            for (Work<?> work : batch) {
                if (work.first() != null) {
                    twoSteps = true;
                    if (nested(work).executeWithResult(work.first()).isExceptional()) {
                        failed = true;
                        break;
                    }
                }
            }
            if (!failed && twoSteps) {
                awaitNextMillisecond();
            }
            for (Work<?> work : failed ? List.<Work<?>>of() : batch) {
                ResultMessage<?> result = nested(work).executeWithResult(work.task());
                if (result.isExceptional()) {
                    failed = true;
                    break;
                }
                results.add(result.getPayload());
            }
        } catch (RuntimeException e) {
            failed = true;
        }
        if (failed) {
            root.rollback();
        } else {
            try {
                root.commit();
            } catch (RuntimeException e) {
                log.debug("order entry batch of {} did not commit; running each alone", batch.size(), e);
                failed = true;
            }
        }
        if (failed) {
            fallbacks.incrementAndGet();
            batch.forEach(this::runAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    /** One work in its own unit of work and transaction: its own outcome, whatever the others did. */
    private void runAlone(Work<?> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(work.message());
        correlationDataProviders.get().forEach(unitOfWork::registerCorrelationDataProvider);
        ResultMessage<?> result;
        try {
            unitOfWork.attachTransaction(transactions);
            result = unitOfWork.executeWithResult(() -> {
                if (work.first() != null) {
                    work.first().call();
                    awaitNextMillisecond();
                }
                return work.task().call();
            });
        } catch (RuntimeException e) {
            work.done().completeExceptionally(e);
            return;
        }
        if (result.isExceptional()) {
            work.done().completeExceptionally(result.exceptionResult());
        } else {
            complete(work, result.getPayload());
        }
    }

    /** Until the wall clock (the one Axon stamps events with) is in a later millisecond than now. */
    private static void awaitNextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.onSpinWait();
        }
    }

    private UnitOfWork<?> nested(Work<?> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(work.message());
        correlationDataProviders.get().forEach(unitOfWork::registerCorrelationDataProvider);
        return unitOfWork;
    }

    @SuppressWarnings("unchecked")
    private static <R> void complete(Work<R> work, Object result) {
        work.done().complete((R) result);
    }

    private void failPending(RuntimeException cause) {
        List<Work<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(work -> work.done().completeExceptionally(cause));
    }

    static boolean isWriterThread() {
        return ON_WRITER.get();
    }

    /** Works waiting for the next batch. */
    public int queued() {
        return queue.size();
    }

    /** Batches committed or attempted so far. */
    public long batches() {
        return batches.get();
    }

    /** Works taken so far; {@code works() / batches()} is the mean batch size. */
    public long works() {
        return works.get();
    }

    /** Batches that failed as a whole and ran each work alone. */
    public long fallbacks() {
        return fallbacks.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failPending(new OrderEntryBusyException("order entry stopped"));
    }

    /** Order entry cannot take the work now; nothing was stored for it (or, on a timeout, maybe was). */
    public static final class OrderEntryBusyException extends AxonTransientException {
        public OrderEntryBusyException(String message) {
            super(message);
        }
    }
}
