package org.mltrading.command.entry;

import java.util.Set;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.ExpireOrderCommand;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.RecordFillCommand;

/**
 * Axon's transaction manager for every unit of work, except the callers' units of the order-entry
 * commands: their handlers only hand the work to the {@link OrderEntryWriter} and wait, and the
 * writer stores it in its own transaction. A caller that held a pooled database connection while
 * waiting would starve the writer of one as soon as the callers outnumber the pool — a deadlock seen
 * in the first benchmark of the writer.
 */
final class CallerTransactions implements TransactionManager {

    private static final Set<Class<?>> HANDED_TO_THE_WRITER = Set.of(PlaceOrderCommand.class, RecordFillCommand.class,
            CancelOrderCommand.class, ExpireOrderCommand.class);
    private static final Transaction NONE = new Transaction() {
        @Override
        public void commit() {
            // nothing was started
        }

        @Override
        public void rollback() {
            // nothing was started
        }
    };

    private final TransactionManager delegate;

    CallerTransactions(TransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().isRoot()
                && HANDED_TO_THE_WRITER.contains(CurrentUnitOfWork.get().getMessage().getPayloadType())
                && !OrderEntryWriter.isWriterThread()) {
            return NONE;
        }
        return delegate.startTransaction();
    }
}
