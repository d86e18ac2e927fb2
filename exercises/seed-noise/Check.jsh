// check: overlapping ranges do not differ, whatever the means
Spread lora = Spread.of(0.975, 0.8, 0.75);
Spread full = Spread.of(0.9, 0.95, 0.85);
assertFalse(differs(lora, full), "LoRA " + lora + " against full " + full
        + ": the means differ by about 0.06, but full's range lies inside LoRA's, so the seed alone could decide");

// check: separated ranges differ, in either order
Spread prompt = Spread.of(0.6, 0.65, 0.625);
Spread tuned = Spread.of(0.975, 0.8, 0.75);
assertTrue(differs(tuned, prompt), "tuned " + tuned + " against prompt " + prompt
        + ": tuned's lowest (0.75) is above prompt's highest (0.65)");
assertTrue(differs(prompt, tuned), "the same two spreads the other way round: prompt " + prompt + ", tuned " + tuned);

// check: ranges that touch overlap
Spread low = Spread.of(0.7, 0.8, 0.75);
Spread high = Spread.of(0.8, 0.9, 0.85);
assertFalse(differs(low, high), low + " against " + high + ": both reach 0.8, so the ranges overlap");

// check: contenders drops only the approaches another clearly beats
Map<String, Spread> results = new LinkedHashMap<>();
results.put("prompt", Spread.of(0.0));
results.put("LoRA", Spread.of(0.975, 0.8, 0.75));
results.put("full", Spread.of(0.9, 0.95, 0.85));
assertEquals(List.of("LoRA", "full"), contenders(results),
        "contenders of prompt 0.0, LoRA 0.975/0.8/0.75, full 0.9/0.95/0.85");

// check: with no overlap there is one contender
Map<String, Spread> apart = new LinkedHashMap<>();
apart.put("4-shot", Spread.of(0.5, 0.55, 0.45));
apart.put("LoRA on 60", Spread.of(0.6, 0.7, 0.65));
apart.put("LoRA on 160", Spread.of(0.8, 0.85, 0.9));
assertEquals(List.of("LoRA on 160"), contenders(apart),
        "contenders of 4-shot 0.45-0.55, LoRA on 60 tickets 0.6-0.7, LoRA on 160 tickets 0.8-0.9");

// hidden check: a higher mean does not beat a range it overlaps
Map<String, Spread> close = new LinkedHashMap<>();
close.put("prompt", Spread.of(0.5, 0.6));
close.put("fine-tuned", Spread.of(0.55, 0.9, 0.85));
assertEquals(List.of("prompt", "fine-tuned"), contenders(close),
        "prompt 0.5-0.6 against fine-tuned 0.55-0.9: the fine-tune's mean (0.77) is above the prompt's best, its worst seed is not");

// hidden check: the map's order is kept, a single approach is its own contender, and equal results all stay
Map<String, Spread> order = new LinkedHashMap<>();
order.put("c", Spread.of(0.7, 0.9));
order.put("a", Spread.of(0.1, 0.2));
order.put("b", Spread.of(0.8, 0.85));
assertEquals(List.of("c", "b"), contenders(order), "contenders keep the map's order: c 0.7-0.9, a 0.1-0.2, b 0.8-0.85");
assertEquals(List.of("only"), contenders(Map.of("only", Spread.of(0.3, 0.4))), "one approach alone");
Map<String, Spread> same = new LinkedHashMap<>();
same.put("x", Spread.of(0.5, 0.5));
same.put("y", Spread.of(0.5, 0.5));
assertEquals(List.of("x", "y"), contenders(same), "two approaches with the same values: neither beats the other");
