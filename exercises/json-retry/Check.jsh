// check: a valid answer gives its three fields
assertEquals(Map.of("department", "billing", "urgency", "urgent", "order", "48213"), parseTicket(checkValid),
        "parseTicket(" + checkValid + ")");
assertEquals(Map.of("department", "shipping", "urgency", "normal", "order", "00881"),
        parseTicket("  {\"order\": \"00881\", \"urgency\": \"normal\", \"department\": \"shipping\"}\n"),
        "fields in another order, with spaces around the object");

// check: text that is not JSON, or not an object, gives null
assertNull(parseTicket("billing"), "parseTicket(\"billing\")");
assertNull(parseTicket("48213"), "parseTicket(\"48213\"): valid JSON (a number), but not the object");
assertNull(parseTicket("{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": "), "an object cut off in the middle");

// hidden check: wrong fields and wrong values give null
assertNull(parseTicket("{\"department\": \"billing\", \"urgency\": \"urgent\"}"), "a missing field");
assertNull(parseTicket("{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": \"48213\", \"note\": \"hi\"}"), "an extra field");
assertNull(parseTicket("{\"department\": \"sales\", \"urgency\": \"urgent\", \"order\": \"48213\"}"), "a department that is not allowed");
assertNull(parseTicket("{\"department\": \"billing\", \"urgency\": \"high\", \"order\": \"48213\"}"), "an urgency that is not allowed");
assertNull(parseTicket("{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": \"488213\"}"), "an order number of six digits");
assertNull(parseTicket("{\"department\": \"billing\", \"urgency\": \"urgent\", \"order\": 48213}"), "an order number that is a number, not text");
assertNull(parseTicket(checkValid + " Hope this helps!"), "text after the object");

// check: a valid first answer takes one request
ScriptedModel once = new ScriptedModel(checkValid, checkValid);
assertEquals(Map.of("department", "billing", "urgency", "urgent", "order", "48213"), askTicket(once, checkPrompt, checkTicket, 3),
        "askTicket with a model whose first answer is valid");
assertEquals(1, once.asked.size(), "requests made when the first answer was valid");
assertTrue(once.read.get(0).contains(checkTicket), "the model should read the ticket (prompt.input(ticket))");

// check: invalid answers are retried until one is valid
String third = "{\"department\": \"technical\", \"urgency\": \"normal\", \"order\": \"20708\"}";
ScriptedModel twice = new ScriptedModel("20708", "{\"department\": \"technical\"}", third, checkValid);
assertEquals(Map.of("department", "technical", "urgency", "normal", "order", "20708"), askTicket(twice, checkPrompt, checkTicket, 4),
        "askTicket when only the third answer is valid");
assertEquals(3, twice.asked.size(), "requests made when the third answer was the first valid one");

// check: the first try is greedy; retries sample at 0.8 with seeds 1, 2, ...
ScriptedModel never = new ScriptedModel("a", "b", "c", "d", "e");
askTicket(never, checkPrompt, checkTicket, 3);
assertEquals(3, never.asked.size(), "requests made with 3 tries and no valid answer");
assertEquals(0.0, never.asked.get(0).temperature(), "temperature of the first try");
assertEquals(List.of(0.8, 0.8), List.of(never.asked.get(1).temperature(), never.asked.get(2).temperature()), "temperature of the retries");
assertEquals(List.of(1L, 2L), List.of(never.asked.get(1).seed(), never.asked.get(2).seed()), "seeds of the retries");

// hidden check: gives up after its budget with null
ScriptedModel budget = new ScriptedModel("x", "y", checkValid);
assertNull(askTicket(budget, checkPrompt, checkTicket, 2), "askTicket with 2 tries when only the third answer is valid");
assertEquals(2, budget.asked.size(), "requests made with 2 tries");
assertNull(askTicket(Models.tiny(), checkPrompt, checkTicket, 2), "Tiny from a prompt never writes the object: null");
