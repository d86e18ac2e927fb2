package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void meanRangeAndSeeds() {
        List<Long> asked = new ArrayList<>();
        Spread s = Spread.over(seed -> {
            asked.add(seed);
            return seed == 2 ? 0.975 : seed == 3 ? 0.7 : 0.8;
        }, 1, 2, 3);
        assertEquals(List.of(1L, 2L, 3L), asked, "measured once per seed, in order");
        assertEquals(List.of(0.8, 0.975, 0.7), s.values());
        assertEquals(0.825, s.mean(), 1e-12);
        assertEquals(0.7, s.min());
        assertEquals(0.975, s.max());
        assertEquals(0.275, s.range(), 1e-12);
        assertEquals("0.7 to 0.975", s.bounds());
        assertEquals("0.825 (0.7 to 0.975 over seeds 1, 2, 3): 0.8, 0.975, 0.7", s.toString());
        assertEquals("0.5 (one run)", Spread.of(0.5).summary());
        assertThrows(IllegalArgumentException.class, () -> Spread.over(seed -> 1));
    }

    @Test
    void runSeedsTrainsOneModelPerSeedInOrderAndASeedReproducesItsModel() {
        Dataset small = Datasets.supportTickets(24, 3);
        FineTune job = FineTune.of(Models.tiny()).data(small).epochs(1).batchSize(8).lora(2);
        List<TunedModel> models = job.runSeeds(2, 1);
        assertEquals(List.of(2L, 1L), models.stream().map(TunedModel::seed).toList(), "in the order of the seeds");
        Spread loss = Spread.of(models, m -> m.info().metrics().get("trainLoss"));
        assertEquals(List.of(2L, 1L), loss.seeds());
        assertFalse(loss.values().get(0).equals(loss.values().get(1)), "another seed, another model: " + loss);
        assertEquals(loss.values().get(1), job.seed(1).run().info().metrics().get("trainLoss"), "the same seed, the same model");
        assertTrue(models.get(0).trainedWeights() < models.get(0).weights() / 10, "a rank-2 adapter is small");
    }

    @Test
    void aDifferenceIsClearOnlyWhenTheRangesDoNotOverlap() {
        Spread tuned = Spread.of(0.8, 0.975, 0.7);
        Spread prompt = Spread.of(0.0, 0.05, 0.1);
        Spread close = Spread.of(0.75, 0.9, 0.85);
        assertTrue(tuned.clearlyAbove(prompt));
        assertTrue(prompt.clearlyBelow(tuned));
        assertFalse(tuned.overlaps(prompt));
        assertFalse(close.clearlyAbove(tuned), "a higher mean inside the other's range is not clearly above");
        assertTrue(close.overlaps(tuned));
    }

    @Test
    void spreadsShowATableAndAChartWithWhiskers() throws Exception {
        Spreads all = Spreads.of("accuracy").add("prompt", Spread.of(0.0, 0.05, 0.1)).add("tuned", Spread.of(0.8, 0.975, 0.7));
        assertEquals("""
                accuracy over seeds
                        accuracy (mean)  lowest  highest  per seed
                ------  ---------------  ------  -------  ------------------------
                prompt             0.05       0      0.1  1: 0, 2: 0.05, 3: 0.1
                tuned             0.825     0.7    0.975  1: 0.8, 2: 0.975, 3: 0.7""", all.toString());
        JsonNode chart = JSON.readTree(all.chart().toDisplay());
        JsonNode series = chart.get("series").get(0);
        assertEquals(0.825, series.get("values").get(1).asDouble(), 1e-12);
        assertEquals("[0.0,0.7]", series.get("low").toString());
        assertEquals("[0.1,0.975]", series.get("high").toString());
        assertTrue(all.chart().toString().contains("0.7 to 0.975"), all.chart().toString());
        assertThrows(IllegalArgumentException.class, () -> all.add("tuned", Spread.of(1)));
    }
}
