String jsonl = """
    {"messages": [{"role": "user", "content": "I was charged twice for order 74096."}, {"role": "assistant", "content": "Team Ledger"}]}
    {"messages": [{"role": "user", "content": "The courier lost my parcel."}, {"role": "assistant", "content": "Team Parcel"}
    {"messages": [{"role": "client", "content": "The update broke my order page."}, {"role": "assistant", "content": "Team Circuit"}]}
    {"messages": [{"role": "user", "content": "I forgot my password and cannot log in."}, {"role": "assistant", "content": ""}]}
    {"messages": [{"role": "user", "content": "My invoice is wrong for order 39764."}], "answer": "Team Ledger"}
    """;
