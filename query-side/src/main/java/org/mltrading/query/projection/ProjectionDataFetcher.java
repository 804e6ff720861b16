package org.mltrading.query.projection;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mltrading.graphql.types.ProjectionChecksum;
import org.mltrading.graphql.types.ProjectionStatus;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;

/** Projection maintenance over GraphQL: rebuild from the event history, its progress, read-model checksums. */
@DgsComponent
class ProjectionDataFetcher {

    private final ProjectionReplay replay;
    private final ProjectionChecksums checksums;

    ProjectionDataFetcher(ProjectionReplay replay, ProjectionChecksums checksums) {
        this.replay = replay;
        this.checksums = checksums;
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    ProjectionStatus rebuildProjection(@InputArgument String name) {
        return toGraphQl(replay.rebuild(known(name)));
    }

    @DgsQuery
    @PreAuthorize("hasRole('ADMIN')")
    ProjectionStatus projectionStatus(@InputArgument String name) {
        return toGraphQl(replay.status(known(name)));
    }

    @DgsQuery
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE')")
    ProjectionChecksum projectionChecksum(@InputArgument String name) {
        ProjectionChecksums.Checksum checksum = checksums.of(known(name));
        return ProjectionChecksum.newBuilder().name(checksum.name()).documents(checksum.documents())
                .sha256(checksum.sha256()).build();
    }

    private static String known(String name) {
        if (name == null || !ProjectionReplay.REBUILDABLE.containsKey(name)) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "unknown projection " + name
                    + "; known: " + ProjectionReplay.REBUILDABLE.keySet().stream().sorted().toList());
        }
        return name;
    }

    private static ProjectionStatus toGraphQl(ProjectionReplay.Status status) {
        return ProjectionStatus.newBuilder()
                .name(status.name()).running(status.running()).replaying(status.replaying())
                .position(status.position() == null ? null : status.position().doubleValue())
                .headPosition(status.headPosition() == null ? null : status.headPosition().doubleValue())
                .progress(status.progress())
                .eventsProcessed((double) status.eventsProcessed())
                .eventsPerSecond(status.eventsPerSecond())
                .rebuildStartedAt(status.rebuildStartedAt() == null ? null
                        : OffsetDateTime.ofInstant(status.rebuildStartedAt(), ZoneOffset.UTC))
                .build();
    }
}
