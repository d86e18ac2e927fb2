package org.tunelab.play;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void fillsEverySlotAndKeepsTheRest() {
        Template t = Template.of("Review of the {{product}}: {{ review }} ({{product}})");
        assertEquals(List.of("product", "review"), List.copyOf(t.slots()));
        assertEquals("Review of the kettle: Boils fast. (kettle)", t.fill(Map.of("product", "kettle", "review", "Boils fast.")));
        assertEquals("Review of the {{product}}: {{ review }} ({{product}})", t.toString());
    }

    @Test
    void fillsOneSlotByName() {
        assertEquals("Classify: I love it.", Template.of("Classify: {{review}}").fill("review", "I love it."));
        assertEquals("Order 48213", Template.of("Order {{n}}").fill("n", 48213));
    }

    @Test
    void aTemplateWithoutSlotsIsItsText() {
        Template t = Template.of("Answer in JSON: {\"label\": ...}");
        assertEquals(Set.of(), t.slots());
        assertEquals("Answer in JSON: {\"label\": ...}", t.fill(Map.of()));
    }

    @Test
    void aMissingValueIsNamed() {
        Template t = Template.of("{{product}}: {{review}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fill("product", "kettle"));
        assertTrue(e.getMessage().contains("no value for {{review}}"), e.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> t.fill(Map.of()));
        assertTrue(both.getMessage().contains("{{product}}, {{review}}"), both.getMessage());
    }

    @Test
    void anUnknownSlotIsNamedWithTheSlotsThereAre() {
        Template t = Template.of("Classify: {{review}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fill("text", "I love it."));
        assertTrue(e.getMessage().contains("has no slot {{text}}"), e.getMessage());
        assertTrue(e.getMessage().contains("its slots are {{review}}"), e.getMessage());
    }

    @Test
    void aMalformedSlotFailsWhenTheTemplateIsMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Template.of("Classify: {{the review}}"));
        assertTrue(e.getMessage().contains("'{{the review}}' at character 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Template.of("Classify: {{review"));
    }

    @Test
    void fillsAPromptsInputPerReview() {
        Prompt base = Prompt.of("Is this review positive or negative?");
        Template t = Template.of("Review of the {{product}}: {{review}}");
        Prompt p = base.input(t, Map.of("product", "kettle", "review", "It broke."));
        assertEquals("Is this review positive or negative?\nInput: Review of the kettle: It broke.\nOutput:", p.text());
    }
}
