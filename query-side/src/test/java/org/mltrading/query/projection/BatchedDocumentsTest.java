package org.mltrading.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.query.testing.InMemoryMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Batched projection writes inside a real Axon batching unit of work: nothing is written before the
 * batch's last event, everything before the prepare-commit phase in which a tracking processor stores
 * its token, and change callbacks run only after the write.
 */
class BatchedDocumentsTest {

    record Tally(@Id String id, int count) {}

    private InMemoryMongo store;
    private MongoTemplate mongo;
    private BatchedDocuments<Tally> tallies;

    @BeforeEach
    void start() {
        store = new InMemoryMongo("batched-documents-test");
        mongo = store.template();
        tallies = new BatchedDocuments<>(mongo, Tally.class, Tally::id);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** What a projection handler does: read the current version, change it, save. */
    private void count(String id, List<String> announced) {
        Tally current = tallies.find(id);
        Tally next = new Tally(id, current == null ? 1 : current.count() + 1);
        tallies.save(next, () -> announced.add(id + "=" + next.count() + " stored=" + stored(id)));
    }

    /** The handler as the processor runs it: through the projection group's end-of-event interceptor. */
    private static void intercepted(BatchingUnitOfWork<EventMessage<?>> batch, Runnable handler) throws Exception {
        BatchedDocuments.endOfEventInterceptor().handle(batch, () -> {
            handler.run();
            return null;
        });
    }

    private Integer stored(String id) {
        Tally tally = mongo.findById(id, Tally.class);
        return tally == null ? null : tally.count();
    }

    @Test
    void a_batch_is_written_once_at_its_last_event_before_the_token_and_announced_after() throws Exception {
        List<EventMessage<?>> events = List.of(event("a"), event("b"), event("a"), event("a"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<String> announced = new ArrayList<>();
        List<String> seenWhileProcessing = new ArrayList<>();
        List<Integer> storedAtTokenTime = new ArrayList<>();
        var result = batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                // like TrackingEventProcessor: the token is stored in prepare-commit, registered first
                batch.onPrepareCommit(unitOfWork -> {
                    storedAtTokenTime.add(stored("a"));
                    storedAtTokenTime.add(stored("b"));
                });
            }
            String id = (String) batch.getMessage().getPayload();
            seenWhileProcessing.add(id + ":" + stored(id));
            intercepted(batch, () -> count(id, announced));
            return null;
        });
        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();

        assertThat(seenWhileProcessing).as("nothing is written before the last event")
                .containsExactly("a:null", "b:null", "a:null", "a:null");
        assertThat(storedAtTokenTime).as("written before the token").containsExactly(3, 1);
        assertThat(announced).as("announced in order, each after the write")
                .containsExactly("a=1 stored=3", "b=1 stored=1", "a=2 stored=3", "a=3 stored=3");
        assertThat(stored("a")).isEqualTo(3);
        assertThat(stored("b")).isEqualTo(1);
    }

    @Test
    void the_documents_of_a_batchs_aggregates_are_read_with_one_query_not_one_each() throws Exception {
        List<String> singleReads = new ArrayList<>();
        MongoTemplate counting = new MongoTemplate(store.client(), "batched-documents-test") {
            @Override
            public <D> D findById(Object id, Class<D> entityClass) {
                singleReads.add(String.valueOf(id));
                return super.findById(id, entityClass);
            }
        };
        mongo.save(new Tally("a", 5));
        tallies = new BatchedDocuments<>(counting, Tally.class, Tally::id, "Tally");
        List<EventMessage<?>> events = List.of(domainEvent("a"), domainEvent("b"), domainEvent("a"), domainEvent("c"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<String> announced = new ArrayList<>();

        var result = batch.executeWithResult(() -> {
            String id = ((DomainEventMessage<?>) batch.getMessage()).getAggregateIdentifier();
            intercepted(batch, () -> count(id, announced));
            return null;
        });

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(singleReads).as("no read per document").isEmpty();
        assertThat(stored("a")).isEqualTo(7); // the stored 5, found by the prefetch, counted twice
        assertThat(stored("b")).isEqualTo(1);
        assertThat(stored("c")).isEqualTo(1);
    }

    @Test
    void a_rolled_back_batch_writes_nothing() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event("a"), event("b")));
        List<String> announced = new ArrayList<>();
        List<String> handled = new ArrayList<>();
        try {
            batch.executeWithResult(() -> {
                String id = (String) batch.getMessage().getPayload();
                handled.add(id);
                intercepted(batch, () -> {
                    if (id.equals("b")) {
                        throw new IllegalStateException("handler failed on the last event");
                    }
                    count(id, announced);
                });
                return null;
            });
        } catch (Exception expected) {
            // the processor would retry the batch
        }
        assertThat(handled).as("the first event was handled and saved in the batch").containsExactly("a", "b");
        assertThat(batch.isRolledBack()).isTrue();
        assertThat(stored("a")).isNull();
        assertThat(announced).isEmpty();
    }

    @Test
    void a_batch_whose_last_event_the_handler_ignores_is_still_written_before_the_token() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event("a"), event("ignored")));
        List<String> announced = new ArrayList<>();
        List<Integer> storedAtTokenTime = new ArrayList<>();
        batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                batch.onPrepareCommit(unitOfWork -> storedAtTokenTime.add(stored("a")));
            }
            String id = (String) batch.getMessage().getPayload();
            // the handler saves nothing for the last event: the interceptor still ends the batch
            intercepted(batch, () -> {
                if (!id.equals("ignored")) {
                    count(id, announced);
                }
            });
            return null;
        });
        assertThat(storedAtTokenTime).containsExactly(1);
        assertThat(announced).containsExactly("a=1 stored=1");
    }

    @Test
    void outside_a_unit_of_work_every_save_writes_through() {
        List<String> announced = new ArrayList<>();
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
        count("a", announced);
        count("a", announced);
        assertThat(stored("a")).isEqualTo(2);
        assertThat(announced).containsExactly("a=1 stored=1", "a=2 stored=2");
    }

    private static EventMessage<?> domainEvent(String aggregateId) {
        return new GenericDomainEventMessage<>("Tally", aggregateId, 0, "counted");
    }

    private static EventMessage<?> event(String id) {
        return GenericEventMessage.asEventMessage(id);
    }
}
