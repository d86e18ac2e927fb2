package org.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tunelab.store.TestClock.minute;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tunelab.store.ClassActivity.ClassView;
import org.tunelab.store.ClassActivity.CompileError;
import org.tunelab.store.ClassActivity.ExerciseActivity;
import org.tunelab.store.ClassActivity.ExerciseCounts;
import org.tunelab.store.ClassActivity.FailingCheck;
import org.tunelab.store.ClassActivity.Failure;
import org.tunelab.store.ClassActivity.LastCheck;
import org.tunelab.store.ClassActivity.LessonActivity;
import org.tunelab.store.ClassActivity.RosterRow;
import org.tunelab.store.ClassActivity.Stuck;
import org.tunelab.store.ClassActivity.StudentView;
import org.tunelab.store.Classes.Account;
import org.tunelab.store.Classes.Classroom;
import org.tunelab.store.Classes.Credentials;
import org.tunelab.store.Classes.Joined;
import org.tunelab.store.Classes.Membership;
import org.tunelab.store.Classes.NewInstructor;

/**
 * What every database behind {@link Classes} and {@link ClassActivity} must do: instructors, sessions, classes,
 * students' accounts and the dashboard's figures. Subclasses give each test a fresh, empty database through
 * {@link #url()}, as for {@link StoreBehaviour}.
 */
abstract class ClassesBehaviour {

    abstract String url();

    abstract String user();

    abstract String password();

    final TestClock clock = new TestClock();

    Store open() {
        return Store.open(url(), user(), password(), Migrations.shipped(), clock);
    }

    private static final int DAYS_30 = 30 * 24 * 60;

    // ---------------------------------------------------------------- instructors and sessions

    @Test
    void anInstructorsNameCannotBeTakenTwice() throws SQLException {
        try (Store store = open()) {
            Classes classes = store.classes();
            NewInstructor ada = classes.createInstructor("Ada Lovelace").orElseThrow();
            assertEquals(Optional.empty(), classes.createInstructor("Ada Lovelace"));
            assertEquals(Optional.empty(), classes.createInstructor("  Ada \t Lovelace "), "spaces are tidied first");
            assertEquals(Optional.of(ada.instructor()), classes.instructorBySignin(ada.signinToken()),
                    "a refused second claim leaves the first instructor's link working");
            NewInstructor bea = classes.createInstructor("Bea").orElseThrow();
            assertNotEquals(ada.instructor().id(), bea.instructor().id());
            assertThrows(IllegalArgumentException.class, () -> classes.createInstructor(" "));
            assertThrows(IllegalArgumentException.class, () -> classes.createInstructor("x".repeat(61)));
        }
        assertEquals(List.of("Ada Lovelace", "Bea"), query("SELECT name FROM instructor ORDER BY name"));
    }

    @Test
    void anInstructorsLinkFindsThemUntilTheOperatorResetsIt() {
        try (Store store = open()) {
            Classes classes = store.classes();
            NewInstructor ada = classes.createInstructor("Ada").orElseThrow();
            NewInstructor bea = classes.createInstructor("Bea").orElseThrow();
            assertEquals(Optional.of(ada.instructor()), classes.instructorBySignin(ada.signinToken()));
            assertEquals(Optional.of(bea.instructor()), classes.instructorBySignin(bea.signinToken()));
            for (String wrong : new String[] {"wrong", "", " ", null, ada.signinToken() + "x"}) {
                assertEquals(Optional.empty(), classes.instructorBySignin(wrong), String.valueOf(wrong));
            }

            NewInstructor reset = classes.resetInstructorLink("Ada");
            assertEquals(ada.instructor(), reset.instructor(), "the same instructor, with their classes");
            assertEquals(Optional.empty(), classes.instructorBySignin(ada.signinToken()), "the old link stops working");
            assertEquals(Optional.of(ada.instructor()), classes.instructorBySignin(reset.signinToken()));
            assertEquals(Optional.of(bea.instructor()), classes.instructorBySignin(bea.signinToken()));

            NewInstructor cy = classes.resetInstructorLink("Cy");
            assertEquals(Optional.of(cy.instructor()), classes.instructorBySignin(cy.signinToken()));
            assertEquals(Optional.empty(), classes.createInstructor("Cy"), "the operator's link created Cy");
        }
    }

    @Test
    void sessionsFindTheirInstructorForThirtyDays() throws SQLException {
        try (Store store = open()) {
            Classes classes = store.classes();
            NewInstructor ada = classes.createInstructor("Ada").orElseThrow();
            NewInstructor bea = classes.createInstructor("Bea").orElseThrow();
            clock.at(0);
            String adas = classes.startSession(ada.instructor().id());
            String beas = classes.startSession(bea.instructor().id());
            assertEquals(Optional.of(ada.instructor()), classes.instructorBySession(adas));
            assertEquals(Optional.of(bea.instructor()), classes.instructorBySession(beas));
            assertEquals(Optional.empty(), classes.instructorBySession("wrong"));
            assertEquals(Optional.empty(), classes.instructorBySession(null));
            assertEquals(Optional.empty(), classes.instructorBySession(ada.signinToken()), "a link is not a session");
            assertEquals(Optional.empty(), classes.instructorBySignin(adas), "nor a session a link");

            clock.at(DAYS_30 - 1);
            assertEquals(Optional.of(ada.instructor()), classes.instructorBySession(adas));
            clock.at(DAYS_30);
            assertEquals(Optional.empty(), classes.instructorBySession(adas));
            assertEquals(Optional.empty(), classes.instructorBySession(beas));

            clock.at(DAYS_30 + 1);
            String again = classes.startSession(ada.instructor().id());
            assertEquals(Optional.of(ada.instructor()), classes.instructorBySession(again));
            assertEquals(List.of("1"), query("SELECT COUNT(*) FROM instructor_session"), "expired sessions are deleted");
            classes.endSession(again);
            assertEquals(Optional.empty(), classes.instructorBySession(again));
            classes.endSession(null); // signing out without a cookie is not an error
        }
    }

    // ---------------------------------------------------------------- classes and students

    @Test
    void anInstructorReachesOnlyTheirOwnClasses() {
        try (Store store = open()) {
            Classes classes = store.classes();
            String ada = classes.createInstructor("Ada").orElseThrow().instructor().id();
            String bea = classes.createInstructor("Bea").orElseThrow().instructor().id();
            clock.at(1);
            Classroom ml = classes.createClass(ada, "ML 101");
            clock.at(2);
            Classroom nlp = classes.createClass(ada, "NLP");
            Classroom stats = classes.createClass(bea, "Stats");
            assertEquals(3, Set.of(ml.joinCode(), nlp.joinCode(), stats.joinCode()).size());

            assertEquals(Optional.of(ml), classes.classOf(ada, ml.id()));
            assertEquals(Optional.empty(), classes.classOf(bea, ml.id()));
            assertEquals(Optional.empty(), classes.classOf(ada, stats.id()));
            assertEquals(Optional.empty(), classes.classOf(ada, "c_nosuchclass"));
            assertEquals(List.of(nlp, ml), classes.classesOf(ada), "newest first");
            assertEquals(List.of(stats), classes.classesOf(bea));
        }
    }

    @Test
    void joinCodesIgnoreCaseSpacesAndDashesAndUnknownCodesJoinNothing() throws SQLException {
        try (Store store = open()) {
            Classes classes = store.classes();
            Classroom ml = newClass(store, "Ada", "ML 101");
            String code = ml.joinCode();
            assertTrue(code.matches("[A-HJ-NP-Z2-9]{6}"), code);

            String typed = " " + code.substring(0, 3).toLowerCase(Locale.ROOT) + "-" + code.substring(3).toLowerCase(Locale.ROOT) + " ";
            Joined ann = classes.join("ann", typed, "Ann").orElseThrow();
            assertEquals(ml.id(), ann.classroom().id());
            assertEquals(Optional.of(ml.id()), classes.classOf(ml.instructor(), ml.id()).map(Classroom::id));
            assertEquals(1, classes.classOf(ml.instructor(), ml.id()).orElseThrow().students());

            // O, 0, I and 1 are never in a code, so this one cannot exist.
            assertEquals(Optional.empty(), classes.join("bob", "OI01IO", "Bob"));
            assertEquals(Optional.empty(), classes.join("bob", "", "Bob"));
            assertEquals(Optional.empty(), classes.join("bob", null, "Bob"));
            assertEquals(Optional.empty(), classes.account("bob"), "no class, no account");
            assertThrows(IllegalArgumentException.class, () -> classes.join("bob", code, "  "));
        }
        assertEquals(List.of("ann"), query("SELECT student FROM student_account"));
        assertEquals(List.of("ann"), query("SELECT student FROM class_member"));
    }

    @Test
    void aStudentsLinkAndRecoveryCodeFindThemUntilRenewed() {
        try (Store store = open()) {
            Classes classes = store.classes();
            Classroom ml = newClass(store, "Ada", "ML 101");
            Credentials ann = join(store, "ann-cookie", ml, "Ann").credentials();
            Credentials bob = join(store, "bob-cookie", ml, "Bob").credentials();
            assertNotNull(ann);
            assertTrue(ann.recoveryCode().matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), ann.recoveryCode());

            assertEquals(Optional.of("ann-cookie"), classes.studentBySignin(ann.signinToken()));
            assertEquals(Optional.of("bob-cookie"), classes.studentBySignin(bob.signinToken()));
            assertEquals(Optional.of("ann-cookie"), classes.studentByRecoveryCode(ann.recoveryCode()));
            assertEquals(Optional.of("bob-cookie"), classes.studentByRecoveryCode(bob.recoveryCode()));
            assertEquals(Optional.of("ann-cookie"), classes.studentByRecoveryCode(
                    " " + ann.recoveryCode().toLowerCase(Locale.ROOT).replace("-", " ") + " "), "as typed by hand");
            assertEquals(Optional.of("ann-cookie"), classes.studentByRecoveryCode(ann.recoveryCode().replace("-", "")));
            for (String wrong : new String[] {"wrong", "", "---", null, ann.signinToken() + "x"}) {
                assertEquals(Optional.empty(), classes.studentBySignin(wrong), String.valueOf(wrong));
                assertEquals(Optional.empty(), classes.studentByRecoveryCode(wrong), String.valueOf(wrong));
            }
            assertEquals(Optional.empty(), classes.studentByRecoveryCode("OOOO-0000-IIII"));
            assertEquals(Optional.empty(), classes.studentByRecoveryCode(ann.signinToken()), "a link is not a code");
            assertEquals(Optional.empty(), classes.studentBySignin(ann.recoveryCode()), "nor a code a link");

            Credentials renewed = classes.renewCredentials("ann-cookie").orElseThrow();
            assertNotEquals(ann, renewed);
            assertEquals(Optional.empty(), classes.studentBySignin(ann.signinToken()), "the old link stops working");
            assertEquals(Optional.empty(), classes.studentByRecoveryCode(ann.recoveryCode()), "so does the old code");
            assertEquals(Optional.of("ann-cookie"), classes.studentBySignin(renewed.signinToken()));
            assertEquals(Optional.of("ann-cookie"), classes.studentByRecoveryCode(renewed.recoveryCode()));
            assertEquals(Optional.of("bob-cookie"), classes.studentBySignin(bob.signinToken()), "Bob's are untouched");
            assertEquals(Optional.of("bob-cookie"), classes.studentByRecoveryCode(bob.recoveryCode()));
            assertEquals(Optional.empty(), classes.renewCredentials("anonymous"));
        }
    }

    @Test
    void joiningASecondClassKeepsTheAccountAndGivesNoNewSecrets() throws SQLException {
        try (Store store = open()) {
            Classes classes = store.classes();
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            clock.at(1);
            Joined first = join(store, "ann", ml, "Ann");
            assertNotNull(first.credentials());
            assertFalse(first.alreadyMember());
            clock.at(2);
            Joined second = join(store, "ann", stats, "Ann");
            assertNull(second.credentials(), "the first class's link and code still work");
            assertFalse(second.alreadyMember());
            assertEquals(stats.id(), second.classroom().id());
            assertNotEquals(first.member(), second.member(), "a member id names a student in one class only");
            assertEquals(Optional.of("ann"), classes.studentBySignin(first.credentials().signinToken()));
            assertEquals(Optional.of("ann"), classes.studentByRecoveryCode(first.credentials().recoveryCode()));

            clock.at(3);
            Joined again = join(store, "ann", ml, "Ann");
            assertTrue(again.alreadyMember());
            assertNull(again.credentials());
            assertEquals(first.member(), again.member());

            assertEquals(Optional.of(new Account("Ann", List.of(
                            new Membership(ml.id(), "ML 101", ml.joinCode(), minute(1)),
                            new Membership(stats.id(), "Stats", stats.joinCode(), minute(2))))),
                    classes.account("ann"));
            assertEquals(1, classes.classOf(ml.instructor(), ml.id()).orElseThrow().students());
        }
        assertEquals(List.of("1"), query("SELECT COUNT(*) FROM student_account"));
    }

    @Test
    void secretsAreStoredOnlyAsDigests() throws SQLException {
        List<String> secrets = new ArrayList<>();
        String stored;
        try (Store store = open()) {
            Classes classes = store.classes();
            NewInstructor ada = classes.createInstructor("Ada").orElseThrow();
            String reset = classes.resetInstructorLink("Ada").signinToken();
            String session = classes.startSession(ada.instructor().id());
            Classroom ml = classes.createClass(ada.instructor().id(), "ML 101");
            Credentials ann = join(store, "ann", ml, "Ann").credentials();
            Credentials renewed = classes.renewCredentials("ann").orElseThrow();
            Credentials bob = join(store, "bob", ml, "Bob").credentials();
            for (String s : List.of(ada.signinToken(), reset, session)) secrets.add(s);
            for (Credentials c : List.of(ann, renewed, bob)) {
                secrets.add(c.signinToken());
                secrets.add(c.recoveryCode());
                secrets.add(Classes.normalizeCode(c.recoveryCode()));
            }
            stored = String.join("\n", everyValue());
            // What is there instead: so this test reads the right tables and would see a secret that leaked.
            assertTrue(stored.contains(Classes.digest(reset)), "the instructor's link, as a digest");
            assertTrue(stored.contains(Classes.digest(session)), "the session, as a digest");
            assertTrue(stored.contains(Classes.digest(Classes.normalizeCode(bob.recoveryCode()))), "the code, as a digest");
            assertTrue(stored.contains("ML 101") && stored.contains("Ann"), stored);
        }
        for (String secret : secrets) {
            assertFalse(stored.contains(secret), "a secret is stored as it is: " + secret);
        }
    }

    // ---------------------------------------------------------------- activity and the dashboard

    @Test
    void activityIsRecordedOnlyForStudentsWithAnAccount() throws SQLException {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            join(store, "ann", ml, "Ann");
            ClassActivity activity = store.activity();
            activity.recordRun("zed", "l1", false, "cannot find symbol");
            activity.recordCheck("zed", "e1", false, List.of(failure("adds")));
            activity.recordRun("ann", "l1", false, "cannot find symbol");
            activity.recordCheck("ann", "e1", false, List.of(failure("adds"), failure("rounds")));
        }
        assertEquals(List.of("ann check e1 0", "ann run l1 0"),
                query("SELECT student, kind, item, ok FROM activity ORDER BY kind"));
        assertEquals(List.of("ann adds", "ann rounds"), query("SELECT student, check_name FROM check_failure ORDER BY 2"));
    }

    @Test
    void theDashboardCountsOnlyThisClasssMembers() {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            join(store, "ann", ml, "Ann");
            join(store, "bob", ml, "Bob");
            join(store, "cy", ml, "Cy"); // joined, did nothing yet
            join(store, "dee", stats, "Dee");

            visit(store, "ann", "l1", "l2");
            run(store, "ann", "l1", "cannot find symbol");
            run(store, "ann", "l1", null);
            run(store, "ann", "l2", null);
            check(store, "ann", "e1", false, failure("adds"));
            check(store, "ann", "e1", true);
            check(store, "ann", "e2", false, failure("empty"));
            store.recordHint("ann", "e3", 1); // a hint is not an attempt
            visit(store, "bob", "l1");
            run(store, "bob", "l1", null);
            check(store, "bob", "e1", false, failure("adds"));
            check(store, "bob", "e1", false, failure("adds"));
            // Another class's student, and a student without an account, on the same lessons and exercises.
            for (String other : List.of("dee", "zed")) {
                visit(store, other, "l1", "l2", "l3");
                run(store, other, "l1", null);
                run(store, other, "l3", null);
                check(store, other, "e1", true);
                check(store, other, "e2", true);
                check(store, other, "e4", false, failure("adds"));
            }

            ClassView view = store.activity().view(ml.id());
            assertEquals(3, view.students());
            assertEquals(Map.of("l1", 2, "l2", 1), view.opened());
            assertEquals(Map.of("l1", 2, "l2", 1), view.ran());
            assertEquals(Map.of("e1", new ExerciseCounts(2, 1, 4), "e2", new ExerciseCounts(1, 0, 1)), view.exercises());
            assertEquals(3, view.roster().size());
            assertEquals(clock.instant(), view.at());

            ClassView theirs = store.activity().view(stats.id());
            assertEquals(1, theirs.students());
            assertEquals(Map.of("l1", 1, "l2", 1, "l3", 1), theirs.opened());
            assertEquals(Map.of("l1", 1, "l3", 1), theirs.ran());
            assertEquals(Map.of("e1", new ExerciseCounts(1, 1, 1), "e2", new ExerciseCounts(1, 1, 1),
                    "e4", new ExerciseCounts(1, 0, 1)), theirs.exercises());
            assertEquals(List.of(new FailingCheck("e4", "adds", "adds failed", 1, 1)), theirs.failingChecks());
        }
    }

    @Test
    void failingChecksAreRankedByHowManyStudentsFailThem() {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            for (String s : List.of("ann", "bob", "cy")) {
                join(store, s, ml, s);
                check(store, s, "e1", false, failure("adds"));
            }
            for (int i = 0; i < 4; i++) check(store, "ann", "e1", false, failure("rounds"));
            check(store, "ann", "e2", false, failure("empty"), failure("size"));
            check(store, "bob", "e2", false, failure("empty"));
            for (int i = 0; i < 12; i++) check(store, "cy", "e3", false, failure("c" + i));
            join(store, "dee", stats, "Dee");
            for (int i = 0; i < 10; i++) check(store, "dee", "e1", false, failure("rounds"), failure("adds"));

            List<FailingCheck> failing = store.activity().view(ml.id()).failingChecks();
            assertEquals(10, failing.size(), "the top ten");
            assertEquals(List.of(
                    new FailingCheck("e1", "adds", "adds failed", 3, 3),
                    new FailingCheck("e2", "empty", "empty failed", 2, 2),
                    new FailingCheck("e1", "rounds", "rounds failed", 1, 4),
                    new FailingCheck("e2", "size", "size failed", 1, 1)), failing.subList(0, 4));
            assertTrue(failing.subList(4, 10).stream().allMatch(f -> f.exercise().equals("e3") && f.students() == 1), failing.toString());
        }
    }

    @Test
    void compileErrorsAreGroupedByMessageAndRankedByStudents() {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            join(store, "ann", ml, "Ann");
            join(store, "bob", ml, "Bob");
            join(store, "dee", stats, "Dee");
            String symbol = "cannot find symbol (symbol: variable x)";
            run(store, "ann", "l2", symbol);
            run(store, "ann", "l1", symbol);
            run(store, "ann", "l1", "  " + symbol + "\n"); // stored stripped, so grouped with the others
            run(store, "bob", "l2", symbol);
            run(store, "bob", "l1", "';' expected");
            run(store, "ann", "l1", null);
            store.activity().recordRun("bob", "l3", false, null); // an exception at run time: not a compile error
            for (int i = 0; i < 5; i++) run(store, "dee", "l1", "';' expected");

            assertEquals(List.of(new CompileError(symbol, "l1", 2, 4), new CompileError("';' expected", "l1", 1, 1)),
                    store.activity().view(ml.id()).compileErrors());
            assertEquals(List.of(new CompileError("';' expected", "l1", 1, 5)), store.activity().view(stats.id()).compileErrors());
        }
    }

    @Test
    void aStudentIsStuckAfterThreeFailedChecksOverFiveMinutesUntilTheyPass() {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            String ann = join(store, "ann", ml, "Ann").member();
            join(store, "bob", ml, "Bob");
            String cy = join(store, "cy", ml, "Cy").member();
            join(store, "dee", stats, "Dee");
            for (int m = 0; m < 3; m++) {
                clock.at(m);
                check(store, "ann", "e1", false, failure("adds"));
                check(store, "cy", "e2", false, failure("adds")); // three failures, then a pass at minute 3
                check(store, "dee", "e1", false, failure("adds"));
            }
            clock.at(0);
            check(store, "bob", "e1", false, failure("adds"));
            check(store, "bob", "e1", false, failure("adds")); // two only
            clock.at(3);
            check(store, "cy", "e2", true);
            for (int i = 0; i < 3; i++) check(store, "cy", "e1", false, failure("adds"));

            clock.at(4);
            assertEquals(List.of(), store.activity().view(ml.id()).stuck(), "four minutes is not yet stuck");
            clock.at(5);
            assertEquals(List.of(new Stuck(ann, "Ann", "e1", 3, minute(0))), store.activity().view(ml.id()).stuck());
            clock.at(8);
            assertEquals(List.of(new Stuck(ann, "Ann", "e1", 3, minute(0)), new Stuck(cy, "Cy", "e1", 3, minute(3))),
                    store.activity().view(ml.id()).stuck(), "longest stuck first");
            check(store, "ann", "e1", true);
            assertEquals(List.of(new Stuck(cy, "Cy", "e1", 3, minute(3))), store.activity().view(ml.id()).stuck());
            assertEquals(1, store.activity().view(stats.id()).stuck().size());
        }
    }

    @Test
    void theRosterListsEveryMemberWithTheirFigures() {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            clock.at(0);
            String bob = join(store, "bob", ml, "Bob").member();
            clock.at(1);
            String ann = join(store, "ann", ml, "Ann").member();
            clock.at(2);
            String cy = join(store, "cy", ml, "Cy").member();
            join(store, "dee", stats, "Dee");
            visit(store, "ann", "l1", "l2");
            clock.at(3);
            run(store, "ann", "l1", "cannot find symbol");
            clock.at(4);
            run(store, "ann", "l2", null);
            clock.at(5);
            check(store, "ann", "e1", false, failure("adds"));
            clock.at(6);
            check(store, "ann", "e1", true);
            clock.at(7);
            check(store, "ann", "e2", false, failure("empty"));
            visit(store, "bob", "l1");
            clock.at(8);
            run(store, "bob", "l1", null);
            run(store, "bob", "l1", null);
            clock.at(20);
            run(store, "dee", "l1", null);

            assertEquals(List.of(
                    new RosterRow(ann, "Ann", minute(1), minute(7), 2, 2, 1, 3),
                    new RosterRow(bob, "Bob", minute(0), minute(8), 1, 1, 0, 0),
                    new RosterRow(cy, "Cy", minute(2), null, 0, 0, 0, 0)), store.activity().view(ml.id()).roster());
        }
    }

    @Test
    void oneStudentsViewIsOnlyForTheirOwnClass() {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            clock.at(0);
            String ann = join(store, "ann", ml, "Ann").member();
            join(store, "bob", ml, "Bob");
            String dee = join(store, "dee", stats, "Dee").member();
            visit(store, "ann", "l1");
            clock.at(1);
            run(store, "ann", "l1", null);
            clock.at(2);
            run(store, "ann", "l1", "cannot find symbol");
            clock.at(3);
            run(store, "ann", "l2", null); // ran, from a link, without the lesson being marked opened
            store.saveExerciseCode("ann", "e1", "int add(int a, int b) { return a + b; }");
            clock.at(4);
            check(store, "ann", "e1", false, failure("adds"));
            clock.at(5);
            check(store, "ann", "e1", true);
            clock.at(6);
            check(store, "ann", "e2", false, failure("empty"), failure("size"));
            store.saveExerciseCode("ann", "e3", "// draft");
            check(store, "bob", "e2", true);
            check(store, "dee", "e2", true);

            StudentView view = store.activity().student(ml.id(), ann).orElseThrow();
            assertEquals(new RosterRow(ann, "Ann", minute(0), minute(6), 1, 2, 1, 3), view.row());
            assertEquals(Map.of("l1", new LessonActivity(true, 2, 1), "l2", new LessonActivity(false, 1, 0)), view.lessons());
            assertEquals(Set.of("e1", "e2", "e3"), view.exercises().keySet());
            assertEquals(new ExerciseActivity(new ExerciseProgress("e1", 2, minute(5), 0),
                    "int add(int a, int b) { return a + b; }", new LastCheck(minute(5), true, List.of())),
                    view.exercises().get("e1"));
            ExerciseActivity e2 = view.exercises().get("e2");
            assertEquals(new ExerciseProgress("e2", 1, null, 0), e2.progress());
            assertNull(e2.code());
            assertEquals(minute(6), e2.lastCheck().at());
            assertFalse(e2.lastCheck().passed());
            assertEquals(Set.of(failure("empty"), failure("size")), Set.copyOf(e2.lastCheck().failed()));
            assertEquals(new ExerciseActivity(null, "// draft", null), view.exercises().get("e3"));

            assertEquals(Optional.empty(), store.activity().student(ml.id(), dee), "a member of another class");
            assertEquals(Optional.empty(), store.activity().student(stats.id(), ann));
            assertEquals(Optional.empty(), store.activity().student(ml.id(), "m_nosuchmember"));
            assertEquals("Dee", store.activity().student(stats.id(), dee).orElseThrow().row().name());
        }
    }

    @Test
    void gradesHoldEveryMembersProgressInThisClassOnly() {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Classroom stats = newClass(store, "Bea", "Stats");
            String ann = join(store, "ann", ml, "Ann").member();
            String bob = join(store, "bob", ml, "Bob").member();
            join(store, "cy", ml, "Cy");
            String dee = join(store, "dee", stats, "Dee").member();
            clock.at(1);
            check(store, "ann", "e1", false, failure("adds"));
            clock.at(2);
            check(store, "ann", "e1", true);
            store.recordHint("ann", "e1", 1);
            check(store, "ann", "e2", false, failure("empty"));
            store.recordHint("ann", "e3", 2);
            check(store, "bob", "e1", false, failure("adds"));
            check(store, "dee", "e1", true);
            check(store, "zed", "e1", true);

            assertEquals(Map.of(
                    ann, Map.of("e1", new ExerciseProgress("e1", 2, minute(2), 1),
                            "e2", new ExerciseProgress("e2", 1, null, 0),
                            "e3", new ExerciseProgress("e3", 0, null, 2)),
                    bob, Map.of("e1", new ExerciseProgress("e1", 1, null, 0))), store.activity().grades(ml.id()));
            assertEquals(Map.of(dee, Map.of("e1", new ExerciseProgress("e1", 1, minute(2), 0))),
                    store.activity().grades(stats.id()));
            assertEquals(Map.of(), store.activity().grades("c_nosuchclass"));
        }
    }

    // ---------------------------------------------------------------- a student's whole record

    @Test
    void deletingAStudentRemovesEverythingOfTheirsAndNothingElse() throws SQLException {
        Map<String, String> bobsBefore = new LinkedHashMap<>();
        try (Store store = open()) {
            List<String> tables = tablesWithAStudentColumn();
            assertTrue(tables.containsAll(List.of("lesson_visit", "activity", "student_account", "notebook_cell")), tables.toString());
            Classroom ml = newClass(store, "Ada", "ML 101");
            Credentials ann = join(store, "ann", ml, "Ann").credentials();
            join(store, "bob", ml, "Bob");
            for (String s : List.of("ann", "bob")) {
                visit(store, s, "l1");
                store.saveCell(s, "l1", "c1", "System.out.println(1);");
                run(store, s, "l1", "cannot find symbol");
                store.saveExerciseCode(s, "e1", "return 0;");
                check(store, s, "e1", false, failure("adds"));
                store.notebooks().create(s, "Notes", "", List.of(new Notebook.Cell("java", "run", "1 + 1")));
            }
            for (String table : tables) {
                String count = count(table, "ann");
                assertNotEquals("0", count, "this test leaves a row for Ann in " + table);
                bobsBefore.put(table, count(table, "bob"));
            }

            store.deleteStudent("ann");

            for (String table : tables) {
                assertEquals("0", count(table, "ann"), "Ann's rows left in " + table);
                assertEquals(bobsBefore.get(table), count(table, "bob"), "Bob's rows in " + table);
            }
            assertEquals(Optional.empty(), store.classes().studentBySignin(ann.signinToken()));
            assertEquals(Optional.empty(), store.classes().studentByRecoveryCode(ann.recoveryCode()));
            assertEquals(List.of("Bob"), store.activity().view(ml.id()).roster().stream().map(RosterRow::name).toList());
            assertEquals(Optional.of(ml.id()), store.classes().classOf(ml.instructor(), ml.id()).map(Classroom::id));
            store.deleteStudent("ann"); // twice is not an error
        }
    }

    @Test
    void movingAnAnonymousBrowserIntoAnAccountMergesItsProgress() throws SQLException {
        try (Store store = open()) {
            Classroom ml = newClass(store, "Ada", "ML 101");
            Joined joined = join(store, "ann-phone", ml, "Ann");
            // Before signing in on her laptop, Ann worked there anonymously.
            clock.at(1);
            visit(store, "laptop", "l1", "l3");
            store.saveCell("laptop", "l1", "c1", "var x = 1;");
            store.saveExerciseCode("laptop", "e1", "laptop code");
            check(store, "laptop", "e1", true);
            store.notebooks().create("laptop", "Notes", "", List.of(new Notebook.Cell("java", "run", "1 + 1")));
            clock.at(2);
            visit(store, "ann-phone", "l2");
            for (int i = 0; i < 3; i++) check(store, "ann-phone", "e1", false, failure("adds"));
            check(store, "ann-phone", "e2", false, failure("empty"));
            clock.at(10);
            assertEquals(List.of("Ann e1"), store.activity().view(ml.id()).stuck().stream()
                    .map(s -> s.name() + " " + s.exercise()).toList());

            store.moveStudent("laptop", "ann-phone");

            assertEquals(Set.of("l1", "l2", "l3"), store.visited("ann-phone"));
            assertEquals(Map.of("e1", new ExerciseProgress("e1", 3, minute(1), 0), "e2", new ExerciseProgress("e2", 1, null, 0)),
                    store.exercises("ann-phone"), "the laptop's pass is kept; attempts keep the larger count");
            assertEquals(Map.of("c1", "var x = 1;"), store.cells("ann-phone", "l1"));
            assertEquals(Optional.of("laptop code"), store.exerciseCode("ann-phone", "e1"));
            assertEquals(1, store.notebooks().count("ann-phone"));
            assertEquals(Set.of(), store.visited("laptop"));
            assertEquals(Map.of(), store.exercises("laptop"));
            assertEquals(0, store.notebooks().count("laptop"));
            assertEquals(Optional.of("ann-phone"), store.classes().studentBySignin(joined.credentials().signinToken()));

            ClassView view = store.activity().view(ml.id());
            assertEquals(Map.of("l1", 1, "l2", 1, "l3", 1), view.opened());
            assertEquals(Map.of("e1", new ExerciseCounts(1, 1, 3), "e2", new ExerciseCounts(1, 0, 1)), view.exercises());
            assertEquals(List.of(), view.stuck(), "the pass she brought from the laptop counts");
            assertEquals(new ExerciseProgress("e1", 3, minute(1), 0),
                    store.activity().grades(ml.id()).get(joined.member()).get("e1"));
        }
        for (String table : tablesWithAStudentColumn()) {
            assertEquals("0", count(table, "laptop"), table);
        }
    }

    // ---------------------------------------------------------------- helpers

    static Failure failure(String check) {
        return new Failure(check, check + " failed");
    }

    /** A class of a new instructor. */
    static Classroom newClass(Store store, String instructor, String name) {
        String id = store.classes().createInstructor(instructor).orElseThrow().instructor().id();
        return store.classes().createClass(id, name);
    }

    static Joined join(Store store, String student, Classroom classroom, String name) {
        return store.classes().join(student, classroom.joinCode(), name).orElseThrow();
    }

    static void visit(Store store, String student, String... lessons) {
        for (String lesson : lessons) store.markVisited(student, lesson);
    }

    /** A lesson run as the web layer records it: ok unless it did not compile. */
    static void run(Store store, String student, String lesson, String compileError) {
        store.activity().recordRun(student, lesson, compileError == null, compileError);
    }

    /** A check as the web layer records it: the student's progress, then the dashboard's activity. */
    static void check(Store store, String student, String exercise, boolean passed, Failure... failures) {
        store.recordCheck(student, exercise, passed);
        store.activity().recordCheck(student, exercise, passed, List.of(failures));
    }

    /** Rows of a query on a plain JDBC connection, each row's columns joined by spaces. */
    List<String> query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) row.append(i > 1 ? " " : "").append(r.getString(i));
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private String count(String table, String student) throws SQLException {
        return query("SELECT COUNT(*) FROM " + table + " WHERE student = '" + student + "'").get(0);
    }

    /** Every value of every table, as text: what someone who copied the database would have. */
    private List<String> everyValue() throws SQLException {
        List<String> values = new ArrayList<>();
        for (String table : tables()) values.addAll(query("SELECT * FROM " + table));
        return values;
    }

    /** Tables that hold a student's rows, found in the database itself, so that a new one is not missed. */
    private List<String> tablesWithAStudentColumn() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect()) {
            for (String table : tables(c)) {
                try (ResultSet r = c.getMetaData().getColumns(null, c.getSchema(), table, "student")) {
                    if (r.next()) out.add(table);
                }
            }
        }
        return out;
    }

    private List<String> tables() throws SQLException {
        try (Connection c = connect()) {
            return tables(c);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (r.next()) out.add(r.getString("TABLE_NAME"));
        }
        assertTrue(out.contains("student_account"), "tables found: " + out);
        return List.copyOf(out);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }
}
