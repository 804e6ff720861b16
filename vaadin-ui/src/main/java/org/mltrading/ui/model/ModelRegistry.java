package org.mltrading.ui.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The models page's rows: one per model version, newest version first within each model, with the
 * lifecycle actions a user with the given powers may take on it. Promotion is offered for validated
 * versions only (the platform still checks the validation thresholds); anything not yet retired may
 * be retired.
 */
public final class ModelRegistry {

    private ModelRegistry() {
    }

    /** One version of one model, as a row. */
    public record Row(String modelId, String model, String kind, ModelInfo.Version version, boolean canPromote,
                      boolean canRetire) {

        public String key() {
            return model + "@" + version.version();
        }

        public BacktestMetrics metrics() {
            return version.validation() == null ? null : version.validation().metrics();
        }
    }

    /** @param mayManage whether the user may promote and retire (ADMIN or RISK_OFFICER) */
    public static List<Row> rows(List<ModelInfo> models, boolean mayManage) {
        List<Row> rows = new ArrayList<>();
        models.stream().sorted(Comparator.comparing(ModelInfo::name)).forEach(model -> {
            List<ModelInfo.Version> newestFirst = new ArrayList<>(model.versions());
            newestFirst.sort(Comparator.comparingInt(ModelInfo.Version::version).reversed());
            for (ModelInfo.Version version : newestFirst) {
                boolean promotable = "VALIDATED".equals(version.status());
                boolean retirable = !"RETIRED".equals(version.status());
                rows.add(new Row(model.id(), model.name(), model.kind(), version, mayManage && promotable,
                        mayManage && retirable));
            }
        });
        return List.copyOf(rows);
    }

    /** "pass", or "fail: " and the thresholds missed, or "not validated". */
    public static String validationSummary(ModelInfo.Version version) {
        ModelInfo.Validation validation = version.validation();
        if (validation == null) {
            return "not validated";
        }
        return validation.passed() ? "pass" : "fail: " + String.join("; ", validation.failures());
    }

    /** Hit rate and 95 % coverage of the scored live predictions, or "no scored predictions". */
    public static String liveScoreSummary(ModelInfo.LiveScore score) {
        if (score == null || score.scored() == 0 || score.hitRate() == null) {
            return "no scored predictions";
        }
        return String.format(Locale.ROOT, "hit %s, 95%% cover %s (%d)", percent(score.hitRate()),
                score.coverage95() == null ? "–" : percent(score.coverage95()), score.scored());
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
