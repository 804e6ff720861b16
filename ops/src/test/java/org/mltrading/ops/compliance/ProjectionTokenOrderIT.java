package org.mltrading.ops.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.projection.ProjectionTokenStoreConfiguration;

/**
 * Every MongoDB projection's processor stores its token after handling a batch, never before: MongoDB
 * writes are not part of the event store's transaction, so a token stored first would survive a kill
 * that loses the batch's documents (ADR 0003). Axon chooses "before" whenever the processor has a real
 * transaction manager, so this is checked on the running platform's processors themselves.
 */
class ProjectionTokenOrderIT {

    @Test
    void mongo_projections_store_their_token_after_the_documents() throws Exception {
        EventProcessingConfiguration processing = RunningPlatform.shared().allInOne().platformContext()
                .getBean(EventProcessingConfiguration.class);
        Field beforeProcessing = TrackingEventProcessor.class.getDeclaredField("storeTokenBeforeProcessing");
        beforeProcessing.setAccessible(true);
        for (String group : ProjectionTokenStoreConfiguration.MONGO_PROJECTIONS) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                    .orElseThrow(() -> new AssertionError(group + " has no tracking processor"));
            assertThat(beforeProcessing.getBoolean(processor)).as(group + " stores its token before processing").isFalse();
        }
    }

    @Test
    void a_failing_handler_fails_its_batch_for_a_retry_in_every_processor_never_logged_and_skipped() {
        EventProcessingConfiguration processing = RunningPlatform.shared().allInOne().platformContext()
                .getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessors()).isNotEmpty();
        for (String group : processing.eventProcessors().keySet()) {
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
        }
    }
}
