package org.mltrading.ml.model.onnx;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.mltrading.ml.feature.Features;

/**
 * A model "trained by someone else": a linear regression of the next log return on named platform
 * features, trained with Tribuo (SGD, squared loss) and exported with Tribuo's own ONNX exporter —
 * the file a user would import. Tribuo numbers its input columns by feature name, so the import's
 * feature order is read from the trained model, as a user would read it from theirs.
 */
public final class TribuoLinearModel {

    private static final RegressionFactory FACTORY = new RegressionFactory();

    private final LinearSGDModel model;
    private final String[] names;

    private TribuoLinearModel(LinearSGDModel model, String[] names) {
        this.model = model;
        this.names = names;
    }

    /** Trained on samples t in [LOOKBACK, to) of the closes: the features at t against log(c[t+1]/c[t]). */
    public static TribuoLinearModel train(double[] closes, int to, List<String> features) {
        String[] names = features.toArray(String[]::new);
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("AAPL daily 2013, platform features", FACTORY), FACTORY);
        double[] row = new double[Features.NAMES.size()];
        for (int t = Features.LOOKBACK; t < to; t++) {
            Features.compute(closes, t, row);
            data.add(new ArrayExample<>(new Regressor("next_log_return", Math.log(closes[t + 1] / closes[t])), names,
                    select(row, names)));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.05), 20, 7L);
        return new TribuoLinearModel(trainer.train(data), names);
    }

    /** Tribuo's own prediction for a feature vector of {@link Features#compute}. */
    public double predict(double[] features) {
        return model.predict(new ArrayExample<>(FACTORY.getUnknownOutput(), names, select(features, names)))
                .getOutput().getValues()[0];
    }

    /** The input columns of the exported graph, in order (Tribuo's feature ids). */
    public List<String> inputOrder() {
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        List<String> order = new ArrayList<>();
        for (int id = 0; id < ids.size(); id++) {
            order.add(ids.get(id).getName());
        }
        return order;
    }

    public byte[] onnx() {
        return model.exportONNXModel("org.mltrading.test", 1).toByteArray();
    }

    private static double[] select(double[] features, String[] names) {
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = features[Features.NAMES.indexOf(names[i])];
        }
        return values;
    }
}
