// check: base Tiny keeps its sentiment skill
double s = skill(Models.tiny(), "sentiment", 10);
assertTrue(s >= 0.9, "skill(Models.tiny(), \"sentiment\", 10) was " + s + "; base Tiny gets nearly all right");

// check: the probe uses each task's instruction
double d = skill(Models.tiny(), "department", 10);
assertTrue(d >= 0.9, "skill(Models.tiny(), \"department\", 10) was " + d + "; without the task's instruction Tiny cannot tell which task you mean");

// check: the probe asks n examples
double third = skill(Models.tiny(), "spam", 3) * 3;
assertEquals(Math.round(third), third, 1e-9, "with n = 3 the accuracy should be a multiple of 1/3");

// hidden check: the score is the accuracy of the instructed prompt on Datasets.task(task, n, 11)
assertEquals(Evaluation.of(Models.tiny(), Prompt.of(Datasets.instruction("topic"))).quiet().run(Datasets.task("topic", 8, 11)).accuracy(),
        skill(Models.tiny(), "topic", 8), 1e-9, "skill(Models.tiny(), \"topic\", 8)");
