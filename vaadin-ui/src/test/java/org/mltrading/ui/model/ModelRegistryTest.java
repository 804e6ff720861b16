package org.mltrading.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mltrading.ui.model.Models.model;
import static org.mltrading.ui.model.Models.version;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private final List<ModelInfo> registry = List.of(
            model("momentum", "MOMENTUM", version(1, "RETIRED", true), version(2, "PRODUCTION", true),
                    version(3, "VALIDATED", true)),
            model("mean-reversion", "MEAN_REVERSION", version(1, "REGISTERED", null)));

    @Test
    void one_row_per_version_models_by_name_newest_version_first() {
        assertThat(ModelRegistry.rows(registry, true)).extracting(ModelRegistry.Row::key)
                .containsExactly("mean-reversion@1", "momentum@3", "momentum@2", "momentum@1");
    }

    @Test
    void managers_may_promote_validated_versions_and_retire_any_not_yet_retired() {
        List<ModelRegistry.Row> rows = ModelRegistry.rows(registry, true);

        assertThat(rows).filteredOn(ModelRegistry.Row::canPromote).extracting(ModelRegistry.Row::key)
                .containsExactly("momentum@3");
        assertThat(rows).filteredOn(ModelRegistry.Row::canRetire).extracting(ModelRegistry.Row::key)
                .containsExactly("mean-reversion@1", "momentum@3", "momentum@2");
    }

    @Test
    void readers_get_no_lifecycle_action() {
        assertThat(ModelRegistry.rows(registry, false))
                .noneMatch(row -> row.canPromote() || row.canRetire());
    }

    @Test
    void validation_and_live_score_read_as_words_and_percentages() {
        assertThat(ModelRegistry.validationSummary(version(1, "VALIDATED", true))).isEqualTo("pass");
        assertThat(ModelRegistry.validationSummary(version(1, "REGISTERED", false))).isEqualTo("fail: sharpe 0.2 < 0.5");
        assertThat(ModelRegistry.validationSummary(version(1, "REGISTERED", null))).isEqualTo("not validated");
        assertThat(ModelRegistry.liveScoreSummary(new ModelInfo.LiveScore(0, null, null, null)))
                .isEqualTo("no scored predictions");
        assertThat(ModelRegistry.liveScoreSummary(new ModelInfo.LiveScore(40, 0.55, 0.8, 0.95)))
                .isEqualTo("hit 55.0 %, 95% cover 95.0 % (40)");
    }
}
