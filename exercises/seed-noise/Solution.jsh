boolean differs(Spread a, Spread b) {
    return a.clearlyAbove(b) || a.clearlyBelow(b);
}

List<String> contenders(Map<String, Spread> results) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Spread> candidate : results.entrySet()) {
        boolean beaten = false;
        for (Spread other : results.values()) {
            if (other.clearlyAbove(candidate.getValue())) {
                beaten = true;
            }
        }
        if (!beaten) {
            names.add(candidate.getKey());
        }
    }
    return names;
}
