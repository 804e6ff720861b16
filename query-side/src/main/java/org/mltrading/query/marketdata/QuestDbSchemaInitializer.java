package org.mltrading.query.marketdata;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates the QuestDB tables when the application is ready; health reports DOWN until it worked. */
@Component
public class QuestDbSchemaInitializer {

    private static final Logger log = LoggerFactory.getLogger(QuestDbSchemaInitializer.class);

    private final QuestDb questDb;
    private volatile boolean ready;

    QuestDbSchemaInitializer(QuestDb questDb) {
        this.questDb = questDb;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createSchema() {
        try {
            questDb.ensureSchema();
            ready = true;
        } catch (SQLException e) {
            log.error("QuestDB schema could not be created: {}", e.getMessage());
        }
    }

    public boolean isReady() {
        if (!ready) {
            createSchema();
        }
        return ready;
    }
}
