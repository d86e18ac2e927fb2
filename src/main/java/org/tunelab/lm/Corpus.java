package org.tunelab.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The synthetic pretraining corpus, generated from templates and word lists, the same for the
 * same seed. Every task uses one plain format, so that only the instruction (or the demos)
 * says which task is meant:
 *
 * <pre>
 * {instruction}
 * Input: {input}
 * Output: {output}
 * </pre>
 *
 * Document kinds: a single instructed example; a few-shot episode of one task (k = 1..8 demos,
 * with or without the instruction); a label-remapping episode whose labels are words invented
 * for that episode (so the answer must be copied from the demos); and copy documents (a random
 * string repeated) so that induction heads can form. Each task has several instruction
 * wordings; the last ones are held out of pretraining and used only by the report. Tasks marked
 * {@code reserved} (product to category, department to team, a ticket's triage line) never appear in pretraining: the
 * fine-tuning lessons use them.
 */
public final class Corpus implements Documents {

    /** One input/output pair. */
    public record Example(String input, String output) {
    }

    /**
     * A task family.
     *
     * @param name          short id ("sentiment")
     * @param wordings      instruction wordings; the first {@code trained} appear in pretraining
     * @param trained       how many wordings are used for pretraining
     * @param labels        the closed label set, or an empty list for open-ended outputs
     * @param reserved      true if the task never appears in pretraining
     * @param generator     draws one example
     */
    public record Task(String name, List<String> wordings, int trained, List<String> labels, boolean reserved,
                       Function<SplittableRandom, Example> generator) {
        public List<String> trainedWordings() { return wordings.subList(0, trained); }
        public List<String> heldOutWordings() { return wordings.subList(trained, wordings.size()); }
        public Example sample(SplittableRandom r) { return generator.apply(r); }
        public boolean classification() { return !labels.isEmpty(); }
    }

    // ---------------------------------------------------------------- word lists
    static final String[][] PRODUCTS = { // {product, category}
        {"kettle", "kitchen"}, {"blender", "kitchen"}, {"toaster", "kitchen"}, {"frying pan", "kitchen"}, {"coffee grinder", "kitchen"},
        {"rice cooker", "kitchen"}, {"knife set", "kitchen"}, {"teapot", "kitchen"},
        {"lawn mower", "garden"}, {"garden hose", "garden"}, {"rake", "garden"}, {"flower pot", "garden"}, {"hedge trimmer", "garden"},
        {"watering can", "garden"}, {"shovel", "garden"},
        {"laptop", "electronics"}, {"headphones", "electronics"}, {"phone charger", "electronics"}, {"keyboard", "electronics"},
        {"monitor", "electronics"}, {"speaker", "electronics"}, {"camera", "electronics"}, {"tablet", "electronics"},
        {"puzzle", "toys"}, {"teddy bear", "toys"}, {"toy train", "toys"}, {"kite", "toys"}, {"doll house", "toys"}, {"board game", "toys"},
        {"jacket", "clothing"}, {"sweater", "clothing"}, {"rain coat", "clothing"}, {"sneakers", "clothing"}, {"scarf", "clothing"},
        {"wool socks", "clothing"}, {"backpack", "travel"}, {"suitcase", "travel"}, {"travel pillow", "travel"}, {"tent", "travel"},
    };
    static final String[] POS = {"works perfectly", "is excellent", "exceeded my expectations", "is great value", "is wonderful",
        "is exactly what I wanted", "works like a charm", "is very well made", "makes me happy every day", "is fantastic",
        "arrived early and works great", "is sturdy and reliable", "is a delight to use", "is the best I have owned"};
    static final String[] NEG = {"broke after a week", "is terrible", "stopped working", "is a waste of money", "is awful",
        "was a huge disappointment", "feels cheap and flimsy", "does not work at all", "arrived damaged", "is the worst I have owned",
        "fell apart quickly", "is noisy and slow", "made me angry", "keeps failing"};
    static final String[] POS_TAIL = {"I love it.", "Highly recommended.", "Five stars.", "Would buy again.", "So glad I got it.", ""};
    static final String[] NEG_TAIL = {"I want a refund.", "Do not buy it.", "One star.", "Never again.", "Very unhappy.", ""};
    static final String[] DEPTS = {"billing", "shipping", "technical", "account"};
    static final String[] TEAMS = {"Team Ledger", "Team Parcel", "Team Circuit", "Team Keystone"}; // reserved
    static final String[][] DEPT_ISSUES = {
        {"I was charged twice for", "my invoice is wrong for", "I need a refund for", "the payment failed for", "my card was billed for"},
        {"the package never arrived for", "tracking has not updated for", "the delivery is late for", "the courier lost", "I got the wrong address on"},
        {"the app crashes when I open", "I cannot connect", "the screen is blank on", "there is an error code on", "the update broke"},
        {"I cannot log in to see", "I forgot my password and cannot view", "please delete my profile linked to", "my username changed after",
            "I want to change the email for"}};
    static final String[] URGENT = {"Please help immediately!", "This is urgent!", "I need this fixed today!", "ASAP please!"};
    static final String[] CALM = {"No rush.", "Whenever you have time.", "Thanks in advance.", "Have a nice day."};
    static final String[] FIRST = {"Maria", "James", "Aisha", "Chen", "Olivia", "Lucas", "Priya", "Noah", "Sofia", "Omar", "Emma", "Liam",
        "Fatima", "Hiro", "Elena", "Mateo", "Grace", "Ivan", "Zara", "Kofi", "Anna", "David", "Mei", "Carlos"};
    static final String[] LAST = {"Smith", "Garcia", "Khan", "Wong", "Brown", "Silva", "Patel", "Miller", "Rossi", "Haddad", "Jones",
        "Novak", "Okafor", "Tanaka", "Kowalski", "Diaz", "Fischer", "Larsen", "Mensah", "Costa"};
    /** Names used only by the report's copying test. */
    static final String[] EVAL_FIRST = {"Tobias", "Ingrid", "Rafael", "Yusuf", "Leona", "Dmitri", "Beatrix", "Quentin"};
    static final String[] EVAL_LAST = {"Vance", "Oyelaran", "Lindqvist", "Moreau", "Abernathy", "Szabo", "Quispe", "Holloway"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    static final String[] TOPICS = {"sports", "weather", "food", "music", "travel"};
    static final String[][] TOPIC_SENT = {
        {"The team won the match in the final minute", "She scored two goals last night", "The coach picked a new captain",
            "Our runners trained for the marathon", "The tennis final went to five sets", "He hit a home run"},
        {"It will rain all afternoon", "Snow is expected tomorrow morning", "The wind is strong along the coast",
            "A sunny week is ahead", "Thunderstorms may hit the city tonight", "The fog should clear by noon"},
        {"This soup needs more salt", "We baked fresh bread today", "The pasta was cooked perfectly",
            "She made a spicy curry", "The cake has too much sugar", "They grilled fish for dinner"},
        {"The band played a new song", "He practices the piano every day", "The concert sold out quickly",
            "Her album topped the charts", "The choir sang beautifully", "The guitar solo was loud"},
        {"Our flight leaves at dawn", "The hotel was near the beach", "We took a train across the country",
            "Pack your passport for the trip", "The museum tour was long", "They rented a car for the road trip"}};
    static final String[][] SPAM = {
        {"You have won a free prize, click here now", "Cheap pills, limited offer, buy today", "Claim your million dollar reward now",
            "Your account wins a gift card, send your password", "Hot deal: earn money fast from home", "Congratulations, you are our lucky winner"},
        {"Can we move the meeting to Monday", "Here are the notes from class", "Dinner is at seven tonight",
            "Did you get the report I sent", "Mom says call her back", "The plumber comes on Tuesday"}};
    static final String[][] FORMAL = { // {casual, formal}
        {"hey", "Hello"}, {"thanks a lot", "Thank you very much"}, {"can't make it", "am unable to attend"},
        {"gonna be late", "will be delayed"}, {"wanna know", "would like to know"}, {"sorry", "I apologize"},
        {"got your note", "received your message"}, {"no worries", "That is quite all right"}, {"see ya", "Kind regards"},
        {"stuff", "items"}, {"asap", "as soon as possible"}, {"need help", "require assistance"}, {"kinda busy", "rather occupied"},
        {"check it out", "please review it"}, {"cool", "excellent"}, {"yeah", "yes"}};
    static final String[][] ANTONYM = {{"hot", "cold"}, {"big", "small"}, {"fast", "slow"}, {"happy", "sad"}, {"light", "dark"},
        {"open", "closed"}, {"early", "late"}, {"rich", "poor"}, {"up", "down"}, {"full", "empty"}, {"hard", "soft"}, {"old", "young"},
        {"wet", "dry"}, {"loud", "quiet"}, {"strong", "weak"}, {"high", "low"}, {"clean", "dirty"}, {"first", "last"}};
    static final String[][] PLURAL = {{"cat", "cats"}, {"box", "boxes"}, {"child", "children"}, {"mouse", "mice"}, {"city", "cities"},
        {"dog", "dogs"}, {"bus", "buses"}, {"leaf", "leaves"}, {"foot", "feet"}, {"baby", "babies"}, {"tree", "trees"},
        {"wish", "wishes"}, {"man", "men"}, {"story", "stories"}, {"car", "cars"}, {"knife", "knives"}};
    static final String[][] COLOR = {{"banana", "yellow"}, {"grass", "green"}, {"sky", "blue"}, {"snow", "white"}, {"coal", "black"},
        {"tomato", "red"}, {"lemon", "yellow"}, {"leaf", "green"}, {"cherry", "red"}, {"ocean", "blue"}, {"milk", "white"},
        {"night", "black"}, {"carrot", "orange"}, {"orange", "orange"}, {"plum", "purple"}, {"grape", "purple"}};
    static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    static final String[] ITEMS = {"apple", "pen", "book", "cup", "chair", "lamp", "shoe", "key", "ball", "spoon", "hat", "coin"};
    static final String SYL_C = "bdfgklmnprstvz", SYL_V = "aeiou";

    // ---------------------------------------------------------------- tasks
    private final List<Task> tasks = new ArrayList<>();

    public Corpus() {
        add("sentiment", List.of("Classify the sentiment of the review as positive or negative.",
                "Is this review positive or negative?", "Decide if the customer is happy (positive) or unhappy (negative).",
                "Label the review's sentiment.", "Tell me whether the review below is positive or negative.",
                "What is the tone of this product review: positive or negative?"), 4,
            List.of("positive", "negative"), false, r -> {
                boolean pos = r.nextBoolean();
                return new Example(review(r, pick(r, PRODUCTS)[0], pos), pos ? "positive" : "negative");
            });
        add("product", List.of("Which product is the review about?", "Name the product mentioned in the review.",
                "Extract the product name from the review.", "What item is being reviewed?",
                "Copy the name of the product from this review."), 3, List.of(), false, r -> {
                String p = pick(r, PRODUCTS)[0];
                return new Example(review(r, p, r.nextBoolean()), p);
            });
        add("category", List.of("Which store category does the reviewed product belong to?",
                "Give the product category of the item in the review.", "Sort the reviewed product into a department of the shop."),
            2, List.of("kitchen", "garden", "electronics", "toys", "clothing", "travel"), true, r -> {
                String[] p = pick(r, PRODUCTS);
                return new Example(review(r, p[0], r.nextBoolean()), p[1]);
            });
        add("department", List.of("Route the support ticket to a department: billing, shipping, technical or account.",
                "Which department should handle this ticket?", "Classify the ticket by department.",
                "Assign the customer message to billing, shipping, technical or account.",
                "Read the ticket and name the department that should answer it.",
                "Which support queue does this message belong in?"), 4, List.of(DEPTS), false, r -> {
                Ticket t = ticket(r, FIRST, LAST);
                return new Example(t.text, DEPTS[t.dept]);
            });
        add("team", List.of("Which team handles this ticket?", "Forward the ticket to the right team.",
                "Name the team that owns this ticket."), 2, List.of(TEAMS), true, r -> {
                Ticket t = ticket(r, FIRST, LAST);
                return new Example(t.text, TEAMS[t.dept]);
            });
        add("urgency", List.of("Is the ticket urgent or normal?", "Mark the message as urgent or normal.",
                "Classify the urgency of the ticket.", "Does this ticket need urgent attention? Answer urgent or normal.",
                "Rate the ticket's priority as urgent or normal."), 3, List.of("urgent", "normal"), false, r -> {
                Ticket t = ticket(r, FIRST, LAST);
                return new Example(t.text, t.urgent ? "urgent" : "normal");
            });
        add("order", List.of("Extract the order number.", "What is the order number in the message?",
                "Copy the order number from the ticket.", "Find the five digit order number.",
                "Which order is the customer writing about? Give its number.", "Pull out the order ID."), 4, List.of(), false, r -> {
                Ticket t = ticket(r, FIRST, LAST);
                return new Example(t.text, t.order);
            });
        add("name", List.of("Who wrote the ticket? Give the full name.", "Extract the customer's name.",
                "Copy the name of the sender.", "What is the name of the person who signed the message?",
                "Find the customer's full name in the ticket."), 3, List.of(), false, r -> {
                Ticket t = ticket(r, FIRST, LAST);
                return new Example(t.text, t.name);
            });
        add("date", List.of("Extract the date.", "When is it? Copy the date.", "Find the date in the sentence.",
                "What date is mentioned?", "Pull out the date from the note."), 3, List.of(), false, r -> {
                String d = pick(r, MONTHS) + " " + (1 + r.nextInt(28));
                String[] forms = {"The meeting is on %s at noon.", "Please deliver it by %s.", "We arrive on %s.",
                    "My appointment moved to %s.", "The sale ends %s, so hurry."};
                return new Example(String.format(pick(r, forms), d), d);
            });
        add("topic", List.of("What is the topic: sports, weather, food, music or travel?", "Classify the sentence by topic.",
                "Which subject is this about?", "Give the topic of the sentence.",
                "Label the sentence with one topic: sports, weather, food, music or travel.",
                "What is this sentence mainly about?"), 4, List.of(TOPICS), false, r -> {
                int t = r.nextInt(TOPICS.length);
                return new Example(pick(r, TOPIC_SENT[t]) + ".", TOPICS[t]);
            });
        add("spam", List.of("Is the message spam or ham?", "Classify the email as spam or ham.",
                "Spam filter: answer spam or ham.", "Decide whether this message is spam or ham.",
                "Would a spam filter block this? Answer spam or ham."), 3, List.of("spam", "ham"), false, r -> {
                int s = r.nextInt(2);
                return new Example(pick(r, SPAM[s]) + ".", s == 0 ? "spam" : "ham");
            });
        add("formal", List.of("Rewrite the message in a formal tone.", "Make this more formal.",
                "Turn the casual note into formal language.", "Rewrite politely and formally.",
                "Say this the way a formal business letter would."), 3, List.of(), false, r -> {
                int[] i = pickPhrases(r);
                return new Example(phrase(i, 0), phrase(i, 1));
            });
        add("casual", List.of("Rewrite the message in a casual tone.", "Make this sound casual.",
                "Turn the formal note into casual language.", "Say it like you would to a friend.",
                "Rewrite informally."), 3, List.of(), false, r -> {
                int[] i = pickPhrases(r);
                return new Example(phrase(i, 1), phrase(i, 0));
            });
        add("antonym", List.of("Give the opposite of the word.", "What is the antonym?", "Write the opposite word.",
                "Name the word that means the opposite."), 3, List.of(), false, r -> {
                String[] p = pick(r, ANTONYM);
                return r.nextBoolean() ? new Example(p[0], p[1]) : new Example(p[1], p[0]);
            });
        add("plural", List.of("Write the plural of the noun.", "What is the plural form?", "Make the word plural.",
                "Give the plural."), 3, List.of(), false, r -> {
                String[] p = pick(r, PLURAL);
                return new Example(p[0], p[1]);
            });
        add("color", List.of("What color is it?", "Name the usual color of the thing.", "Give the color.",
                "Which color do you picture for this?"), 3, List.of(), false, r -> {
                String[] p = pick(r, COLOR);
                return new Example(p[0], p[1]);
            });
        add("digits", List.of("Write the number word as a digit.", "Convert the word to a digit.", "Which digit is this?",
                "Turn the spelled number into a digit."), 3, List.of(), false, r -> {
                int n = r.nextInt(10);
                return new Example(NUMBER_WORDS[n], Integer.toString(n));
            });
        add("count", List.of("How many items are in the list?", "Count the items.", "Count the words in the list.",
                "Give the number of things listed."), 3, List.of(), false, r -> {
                int n = 1 + r.nextInt(7);
                String[] it = new String[n];
                for (int i = 0; i < n; i++) it[i] = pick(r, ITEMS);
                return new Example(String.join(", ", it), Integer.toString(n));
            });
        add("first", List.of("Copy the first word of the list.", "What is the first item?", "Give the first word.",
                "Repeat only the first entry."), 3, List.of(), false, r -> {
                String[] it = randomWords(r, 2 + r.nextInt(4));
                return new Example(String.join(" ", it), it[0]);
            });
        add("last", List.of("Copy the last word of the list.", "What is the last item?", "Give the last word.",
                "Repeat only the final entry."), 3, List.of(), false, r -> {
                String[] it = randomWords(r, 2 + r.nextInt(4));
                return new Example(String.join(" ", it), it[it.length - 1]);
            });
        add("larger", List.of("Which number is larger?", "Give the bigger of the two numbers.", "Pick the larger number.",
                "Return the maximum of the two."), 3, List.of(), false, r -> {
                int a = r.nextInt(1000), b = r.nextInt(1000);
                return new Example(a + " and " + b, Integer.toString(Math.max(a, b)));
            });
        add("repeat", List.of("Repeat the code exactly.", "Copy the code.", "Echo the code back.",
                "Write the same code again."), 3, List.of(), false, r -> {
                String c = code(r);
                return new Example(c, c);
            });
        add("triage", List.of("Write the ticket's triage line: department | urgency | order."), 1, List.of(), true, r -> {
                Ticket t = ticket(r, FIRST, LAST);
                return new Example(t.text, DEPTS[t.dept] + " | " + (t.urgent ? "urgent" : "normal") + " | " + t.order);
            });
    }

    private Corpus(List<Task> tasks) {
        this.tasks.addAll(tasks);
    }

    /**
     * A copy in which task {@code name} draws its examples from {@code generator}; its wordings,
     * labels and everything else stay. Tiny 2's pretraining uses it to sign tickets with thousands
     * of real and invented names and to mix negated reviews into sentiment; {@code new Corpus()}, which the
     * course's datasets use, never changes.
     */
    public Corpus withGenerator(String name, Function<SplittableRandom, Example> generator) {
        Task old = task(name);
        List<Task> copy = new ArrayList<>(tasks);
        copy.set(tasks.indexOf(old), new Task(name, old.wordings(), old.trained(), old.labels(), old.reserved(), generator));
        return new Corpus(copy);
    }

    private void add(String name, List<String> wordings, int trained, List<String> labels, boolean reserved,
                     Function<SplittableRandom, Example> gen) {
        tasks.add(new Task(name, wordings, trained, labels, reserved, gen));
    }

    /** Every task, reserved ones included. */
    public List<Task> tasks() { return List.copyOf(tasks); }

    /** The task with this name. */
    public Task task(String name) {
        for (Task t : tasks) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("no task " + name);
    }

    /** Tasks that may appear in pretraining. */
    public List<Task> pretrainingTasks() {
        return tasks.stream().filter(t -> !t.reserved()).toList();
    }

    // ---------------------------------------------------------------- generators
    record Ticket(String text, int dept, boolean urgent, String order, String name) {
    }

    static Ticket ticket(SplittableRandom r, String[] first, String[] last) {
        int d = r.nextInt(DEPTS.length);
        boolean urgent = r.nextBoolean();
        String order = String.format("%05d", r.nextInt(100000));
        String name = pick(r, first) + " " + pick(r, last);
        String[] greet = {"Hi,", "Hello,", "Dear support,", "Hey there,", "Good morning,"};
        String[] ref = {"order %s", "my order %s", "order number %s", "order #%s"};
        String body = pick(r, greet) + " " + pick(r, DEPT_ISSUES[d]) + " " + String.format(pick(r, ref), order) + ". "
                + pick(r, urgent ? URGENT : CALM) + " - " + name;
        return new Ticket(body, d, urgent, order, name);
    }

    static String review(SplittableRandom r, String product, boolean pos) {
        String[] open = {"The %s", "This %s", "My new %s", "The %s I bought", "Our %s"};
        String tail = pick(r, pos ? POS_TAIL : NEG_TAIL);
        String s = String.format(pick(r, open), product) + " " + pick(r, pos ? POS : NEG) + ".";
        return tail.isEmpty() ? s : s + " " + tail;
    }

    private static int[] pickPhrases(SplittableRandom r) {
        int n = 2 + r.nextInt(2);
        int[] i = new int[n];
        for (int k = 0; k < n; k++) i[k] = r.nextInt(FORMAL.length);
        return i;
    }

    private static String phrase(int[] idx, int form) {
        StringBuilder b = new StringBuilder();
        for (int i : idx) b.append(b.length() == 0 ? "" : ", ").append(FORMAL[i][form]);
        return b.append('.').toString();
    }

    /** A pronounceable invented word of 1-3 syllables ("bako", "telimu"). */
    static String invented(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) b.append(SYL_C.charAt(r.nextInt(SYL_C.length()))).append(SYL_V.charAt(r.nextInt(SYL_V.length())));
        if (r.nextBoolean()) b.append(SYL_C.charAt(r.nextInt(SYL_C.length())));
        return b.toString();
    }

    private static String[] randomWords(SplittableRandom r, int n) {
        String[] w = new String[n];
        for (int i = 0; i < n; i++) w[i] = r.nextInt(3) == 0 ? pick(r, ITEMS) : invented(r);
        return w;
    }

    /** A random ID such as "QZ-48213" or "k7f9x2". */
    static String code(SplittableRandom r) {
        String A = "ABCDEFGHJKLMNPQRSTUVWXYZ", a = "abcdefghkmnpqrstuvwxyz0123456789";
        if (r.nextBoolean()) {
            return "" + A.charAt(r.nextInt(A.length())) + A.charAt(r.nextInt(A.length())) + "-" + String.format("%05d", r.nextInt(100000));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 4 + r.nextInt(5); i < n; i++) b.append(a.charAt(r.nextInt(a.length())));
        return b.toString();
    }

    static <T> T pick(SplittableRandom r, T[] a) {
        return a[r.nextInt(a.length)];
    }

    // ---------------------------------------------------------------- formats
    /** "Input: x\nOutput: y" */
    public static String demo(String input, String output) {
        return "Input: " + input + "\nOutput: " + output;
    }

    /**
     * A prompt: optional instruction, the demos, then the query's "Input: ...\nOutput:".
     * The completion to expect is {@code " " + output}.
     */
    public static String prompt(String instruction, List<Example> demos, String query) {
        StringBuilder b = new StringBuilder();
        if (instruction != null) b.append(instruction).append('\n');
        for (Example d : demos) b.append(demo(d.input(), d.output())).append("\n\n");
        return b.append("Input: ").append(query).append("\nOutput:").toString();
    }

    /** One pretraining document (without its end-of-text token). */
    @Override
    public String document(SplittableRandom r) {
        List<Task> pool = pretrainingTasks();
        int kind = r.nextInt(100);
        Task t = pool.get(r.nextInt(pool.size()));
        if (kind < 30) { // one instructed example
            Example e = t.sample(r);
            return prompt(pick(r, t.trainedWordings().toArray(new String[0])), List.of(), e.input()) + " " + e.output();
        }
        if (kind < 60) { // few-shot episode, instruction half of the time
            int k = 1 + r.nextInt(8);
            String instr = r.nextBoolean() ? pick(r, t.trainedWordings().toArray(new String[0])) : null;
            return episode(r, t, k, instr, null);
        }
        if (kind < 85) { // label remapping with labels invented for this episode
            List<Task> cls = pool.stream().filter(Task::classification).toList();
            Task c = cls.get(r.nextInt(cls.size()));
            return episode(r, c, 2 + r.nextInt(7), null, inventLabels(r, c.labels().size()));
        }
        return copyDocument(r);
    }

    /** k demos and a query of task t, labels renamed by {@code remap} (index-aligned with t.labels()) if given. */
    public static String episode(SplittableRandom r, Task t, int k, String instruction, List<String> remap) {
        List<Example> demos = new ArrayList<>();
        for (int i = 0; i < k; i++) demos.add(relabel(t, t.sample(r), remap));
        Example q = relabel(t, t.sample(r), remap);
        return prompt(instruction, demos, q.input()) + " " + q.output();
    }

    /** The example with its label renamed. */
    public static Example relabel(Task t, Example e, List<String> remap) {
        if (remap == null) return e;
        return new Example(e.input(), remap.get(t.labels().indexOf(e.output())));
    }

    /** n distinct invented label words. */
    public static List<String> inventLabels(SplittableRandom r, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String w = invented(r);
            if (!out.contains(w) && w.length() > 2) out.add(w);
        }
        return out;
    }

    /** A random string of codes and words, repeated 2-3 times. */
    static String copyDocument(SplittableRandom r) {
        int n = 3 + r.nextInt(10);
        String[] w = new String[n];
        for (int i = 0; i < n; i++) w[i] = r.nextBoolean() ? code(r) : invented(r);
        String line = String.join(" ", w);
        String[] lead = {"Code list: ", "IDs: ", "Sequence: ", "Repeat after me: ", ""};
        StringBuilder b = new StringBuilder(pick(r, lead)).append(line);
        for (int i = 0, reps = 1 + r.nextInt(2); i < reps; i++) b.append('\n').append(line);
        return b.toString();
    }

    /** Word lists as the report uses them (for held-out names). */
    static String[][] evalNames() {
        return new String[][] {EVAL_FIRST.clone(), EVAL_LAST.clone()};
    }
}
