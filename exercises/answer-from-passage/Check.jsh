// check: the store's order questions, answered from the retrieved message
long checkRight = checkOrders.stream().filter(q -> orderNumber(checkSearch, checkTiny, q.text()).equals(q.answer())).count();
assertTrue(checkRight >= checkOrders.size() - 1, checkRight + " of " + checkOrders.size()
        + " order numbers right; retrieve the customer's message first, then ask for the number in it");

// check: a corrected record is answered at once
Question checkFirst = checkOrders.get(0);
checkStore.put(checkFirst.passageId(), checkStore.get(checkFirst.passageId()).text().replace(checkFirst.answer(), "64000"));
assertEquals("64000", orderNumber(checkSearch, checkTiny, checkFirst.text()), "after the record changed to 64000");

// check: nothing found, nothing asked
assertEquals("unknown", orderNumber(checkSearch, checkTiny, "xyzzy plugh"), "a question no passage shares a word with");

// hidden check: a customer added a moment ago
checkStore.put(new Passage("order-elena-novak", "order", "Hello, the delivery is late for my order 31415. No rush. - Elena Novak"));
assertEquals("31415", orderNumber(checkSearch, checkTiny, "What is Elena Novak's order number?"), "a new customer's order");
