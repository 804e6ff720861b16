package org.mltrading.ops.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made durable per acknowledged write: every command that changed
 * the store is committed to the MVStore file before its answer goes out (what {@code j: true} means
 * for a real MongoDB). Without this the backend commits periodically, and a commit captures its
 * collections one after another: a kill -9 could keep a projection's tracking token (written after
 * its documents) while losing those documents, so the projection would never replay them.
 */
final class CommitOnWriteH2Backend extends H2Backend {

    CommitOnWriteH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed command: a multi-document write may have applied part of its batch
            if (getMvStore().hasUnsavedChanges()) {
                commit();
            }
        }
    }
}
