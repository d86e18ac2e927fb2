package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableChartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTableIsATableSpec() throws Exception {
        Table t = Table.of("model", "accuracy").title("Support tickets").row("tiny", 0.42).row("tiny + LoRA", 0.9125);
        JsonNode spec = JSON.readTree(t.toDisplay());
        assertEquals("table", spec.get("kind").asText());
        assertEquals("Support tickets", spec.get("title").asText());
        assertEquals("[\"model\",\"accuracy\"]", spec.get("columns").toString());
        assertEquals("[[\"tiny\",0.42],[\"tiny + LoRA\",0.9125]]", spec.get("rows").toString());
        assertFalse(spec.has("id"));
        assertEquals("results", JSON.readTree(t.id("results").toDisplay()).get("id").asText());
    }

    @Test
    void aTableReadsAsAlignedText() {
        Table t = Table.of("model", "accuracy").title("Support tickets").row("tiny", 0.42).row("tiny + LoRA", 0.9125);
        assertEquals("""
                Support tickets
                model        accuracy
                -----------  --------
                tiny             0.42
                tiny + LoRA    0.9125""", t.toString());
        assertEquals("a\n-\nx", Table.of("a").row("x").toString());
    }

    @Test
    void aRowMustFitTheColumns() {
        Table t = Table.of("model", "accuracy");
        Exception e = assertThrows(IllegalArgumentException.class, () -> t.row("tiny"));
        assertTrue(e.getMessage().contains("1 cells but the table has 2 columns [model, accuracy]"), e.getMessage());
        t.row(List.of("remote", 1));
        t.row("nothing", null);
        assertEquals(2, t.rows().size());
        assertThrows(IllegalArgumentException.class, Table::of);
    }

    @Test
    void cellsThatJsonCannotHoldBecomeNullOrText() throws Exception {
        JsonNode rows = JSON.readTree(Table.of("a", "b", "c").row(Double.NaN, List.of(1, 2), true).toDisplay()).get("rows");
        assertTrue(rows.get(0).get(0).isNull());
        assertEquals("[1, 2]", rows.get(0).get(1).asText());
        assertTrue(rows.get(0).get(2).asBoolean());
        assertEquals("1.235e-05", Table.text(0.0000123456));
        assertEquals("3", Table.text(3.0));
    }

    @Test
    void aLineChartIsAChartSpec() throws Exception {
        Chart c = Chart.line("Loss").x("step", new int[] {1, 2, 3}).y("loss").series("train", 2.5, 1.75, 1.5)
                .series("validation", List.of(2.6, 2.0, 1.9));
        JsonNode spec = JSON.readTree(c.toDisplay());
        assertEquals("chart", spec.get("kind").asText());
        assertEquals("line", spec.get("chart").asText());
        assertEquals("Loss", spec.get("title").asText());
        assertEquals("step", spec.get("x").get("label").asText());
        assertEquals("[1,2,3]", spec.get("x").get("values").toString());
        assertEquals("loss", spec.get("y").get("label").asText());
        assertEquals(2, spec.get("series").size());
        assertEquals("validation", spec.get("series").get(1).get("name").asText());
        assertEquals("[2.5,1.75,1.5]", spec.get("series").get(0).get("values").toString());
        assertFalse(spec.has("id"));
        assertEquals("""
                Loss (line chart, y: loss)
                step  train  validation
                ----  -----  ----------
                   1    2.5         2.6
                   2   1.75           2
                   3    1.5         1.9""", c.toString());
    }

    @Test
    void aBarChartOfNamedBars() throws Exception {
        JsonNode spec = JSON.readTree(Chart.bar("Accuracy").id("acc").x("model", "tiny", "tiny + LoRA")
                .series("accuracy", 0.42, 0.91).toDisplay());
        assertEquals("bar", spec.get("chart").asText());
        assertEquals("acc", spec.get("id").asText());
        assertEquals("[\"tiny\",\"tiny + LoRA\"]", spec.get("x").get("values").toString());
        assertTrue(spec.get("y").get("label").isNull());
    }

    @Test
    void aChartGrowsAPointAtATime() throws Exception {
        Chart c = Chart.line("Loss").id("loss").x("step").series("train").series("validation");
        c.point(1, 2.5, Double.NaN).point(2, 2.0, 2.2);
        JsonNode spec = JSON.readTree(c.toDisplay());
        assertEquals("[1,2]", spec.get("x").get("values").toString());
        assertEquals("[null,2.2]", spec.get("series").get(1).get("values").toString());
        assertEquals(List.of(2.5, 2.0), c.values("train"));
        assertThrows(IllegalArgumentException.class, () -> c.point(3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> c.series("train"));
    }

    @Test
    void seriesOfTheWrongLengthAreRefusedWhenShown() {
        Chart c = Chart.line("Loss").x("step", new int[] {1, 2, 3}).series("train", 2.5, 1.75);
        Exception e = assertThrows(IllegalStateException.class, c::toDisplay);
        assertTrue(e.getMessage().contains("series \"train\" has 2 values but x (\"step\") has 3"), e.getMessage());
        assertTrue(c.toString().endsWith("3"), "toString still shows what there is:\n" + c);
    }
}
