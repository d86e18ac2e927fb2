// check: skills scores every task asked for, in order
Map<String, Double> two = skills(Models.tiny(), List.of("spam", "sentiment"), 4);
assertEquals(List.of("spam", "sentiment"), List.copyOf(two.keySet()), "the tasks of skills(Models.tiny(), [spam, sentiment], 4): " + two);

// check: base Tiny keeps all five skills
Map<String, Double> base = skills(Models.tiny(), otherTasks, 10);
for (String task : otherTasks) {
    assertTrue(base.getOrDefault(task, 0.0) >= 0.9, "base Tiny scored " + base + ", below 0.9 on " + task
            + "; asked with the task's instruction it gets nearly every example right");
}

// check: the probe sees what the ticket specialist forgot
Map<String, Double> after = skills(ticketSpecialist(), otherTasks, 10);
double mean = after.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
assertEquals(otherTasks.size(), after.size(), "one score per task: " + after);
assertTrue(mean <= 0.3, "the specialist scored " + after + " (mean " + mean
        + "); fully fine-tuned on 48 tickets, it should have lost most of base Tiny's skills");

// check: forgotten keeps the tasks that fell by more than the tolerance
Map<String, Double> before = new LinkedHashMap<>(Map.of("sentiment", 1.0));
before.put("spam", 0.9);
before.put("topic", 0.8);
Map<String, Double> later = new LinkedHashMap<>(Map.of("sentiment", 0.2));
later.put("spam", 0.85);
later.put("topic", 0.9);
assertEquals(List.of("sentiment"), forgotten(before, later, 0.1),
        "before " + before + ", after " + later + ", tolerance 0.1: spam fell by only 0.05 and topic rose");

// check: the probe together: base Tiny forgets nothing, the specialist what it really lost
Map<String, Double> tinySkills = skills(Models.tiny(), otherTasks, 10);
assertEquals(List.of(), forgotten(tinySkills, tinySkills, 0.2), "base Tiny against itself");
List<String> checkLost = new ArrayList<>();
for (String checkTask : otherTasks) {
    Prompt checkPrompt = Prompt.of(Datasets.instruction(checkTask));
    double checkBefore = Evaluation.of(Models.tiny(), checkPrompt).quiet().run(Datasets.task(checkTask, 10, 11)).accuracy();
    double checkAfter = Evaluation.of(ticketSpecialist(), checkPrompt).quiet().run(Datasets.task(checkTask, 10, 11)).accuracy();
    if (checkBefore - checkAfter > 0.2) checkLost.add(checkTask);
}
assertEquals(checkLost, forgotten(tinySkills, skills(ticketSpecialist(), otherTasks, 10), 0.2),
        "base Tiny against the ticket specialist, tolerance 0.2: measured on 10 examples a task, the specialist lost " + checkLost);

// hidden check: each score is the accuracy of the instructed prompt on Datasets.task(task, n, 11)
double expected = Evaluation.of(Models.tiny(), Prompt.of(Datasets.instruction("topic"))).quiet().run(Datasets.task("topic", 8, 11)).accuracy();
Map<String, Double> topic = skills(Models.tiny(), List.of("topic"), 8);
assertEquals(expected, topic.getOrDefault("topic", Double.NaN), 1e-9, "skills(Models.tiny(), [topic], 8) gave " + topic);
Map<String, Double> department = skills(Models.tiny(), List.of("department"), 3);
double third = department.getOrDefault("department", Double.NaN) * 3;
assertEquals(Math.round(third), third, 1e-9, "skills(Models.tiny(), [department], 3) gave " + department
        + "; with n = 3 each accuracy is a multiple of 1/3");

// hidden check: a fall of exactly the tolerance is not forgetting, and before's order is kept
Map<String, Double> edge = new LinkedHashMap<>();
edge.put("urgency", 0.75);
edge.put("department", 1.0);
edge.put("spam", 1.0);
assertEquals(List.of("department", "spam"), forgotten(edge, Map.of("urgency", 0.5, "department", 0.0, "spam", 0.5), 0.25),
        "before " + edge + ", after urgency 0.5, department 0.0, spam 0.5, tolerance 0.25");
