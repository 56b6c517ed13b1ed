package org.safepassage.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.system.security.StaffLogins.account;
import static org.safepassage.system.security.StaffLogins.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Password guessing is slowed per account and per client address; the owner is not locked
 * out where they usually sign in, nor for long anywhere, and an admin can lift the limit.
 */
class SignInThrottleIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "the owner's real passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void fortyQuickGuessesAndTheRightPasswordIsStillRefused() throws Exception {
		long id = account(jdbc, encoder, "target@example.org", PASSWORD, "CAMPAIGNER");
		mvc.perform(signIn("target@example.org", PASSWORD, "198.51.100.40")).andExpect(redirectedUrl("/admin"));

		guess40("target@example.org", "203.0.113.40");
		// Each check runs right after the last guess: the test clock is put back there.
		Instant lastGuess = lastFailureFrom("203.0.113.40");
		clock.set(lastGuess);
		mvc.perform(signIn("target@example.org", PASSWORD, "203.0.113.40"))
			.andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(get("/login").param("throttled", ""))
			.andExpect(content().string(Matchers.containsString("Too many failed sign-ins.")));

		// The owner still signs in where they did before; from a new address, not until
		// the wait ends or an admin lifts it.
		clock.set(lastGuess);
		mvc.perform(signIn("target@example.org", PASSWORD, "198.51.100.40")).andExpect(redirectedUrl("/admin"));
		clock.set(lastGuess);
		mvc.perform(signIn("target@example.org", PASSWORD, "198.51.100.41"))
			.andExpect(redirectedUrl("/login?throttled"));
		clock.set(lastGuess);
		mvc.perform(get("/admin/staff").with(user("admin@example.org").roles("ADMIN")))
			.andExpect(content().string(Matchers.containsString("Sign-in limited")));
		mvc.perform(
				post("/admin/staff/{id}/sign-in-limit", id).with(user("admin@example.org").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/staff"));
		mvc.perform(signIn("target@example.org", PASSWORD, "198.51.100.41")).andExpect(redirectedUrl("/admin"));
	}

	@Test
	void aNameThatIsNoAccountIsThrottledTheSameWay() throws Exception {
		account(jdbc, encoder, "exists@example.org", PASSWORD, "CAMPAIGNER");
		guess40("exists@example.org", "203.0.113.41");
		guess40("nobody-here@example.org", "203.0.113.42");
		clock.set(lastFailureFrom("203.0.113.41"));
		mvc.perform(signIn("exists@example.org", "another guess", "203.0.113.41"))
			.andExpect(redirectedUrl("/login?throttled"));
		clock.set(lastFailureFrom("203.0.113.42"));
		mvc.perform(signIn("nobody-here@example.org", "another guess", "203.0.113.42"))
			.andExpect(redirectedUrl("/login?throttled"));
	}

	@Test
	void theWaitDoublesFromOneSecondAfterFiveFailuresUpToFifteenMinutes() throws Exception {
		account(jdbc, encoder, "doubling@example.org", PASSWORD, "CAMPAIGNER");
		Instant start = Instant.parse("2031-03-01T10:00:00Z");
		clock.set(start);
		for (int i = 0; i < 5; i++) {
			mvc.perform(signIn("doubling@example.org", "wrong " + i, "203.0.113.43"))
				.andExpect(redirectedUrl("/login?error"));
		}
		Instant fifth = lastFailureFrom("203.0.113.43");
		clock.set(fifth.plusMillis(500));
		mvc.perform(signIn("doubling@example.org", PASSWORD, "203.0.113.43"))
			.andExpect(redirectedUrl("/login?throttled"));
		clock.set(fifth.plusMillis(1000));
		mvc.perform(signIn("doubling@example.org", "wrong 6", "203.0.113.43")).andExpect(redirectedUrl("/login?error"));
		Instant sixth = lastFailureFrom("203.0.113.43");
		clock.set(sixth.plusMillis(1500));
		mvc.perform(signIn("doubling@example.org", PASSWORD, "203.0.113.43"))
			.andExpect(redirectedUrl("/login?throttled"));

		// Many more failures: the wait never exceeds fifteen minutes.
		for (int i = 0; i < 20; i++) {
			jdbc.sql("insert into sign_in_failure (account_key, address, failed_at) values (?, ?, ?)")
				.params(SignInThrottle.accountKey("doubling@example.org"), "203.0.113.43", Timestamp.from(sixth))
				.update();
		}
		clock.set(sixth.plus(Duration.ofMinutes(14)));
		mvc.perform(signIn("doubling@example.org", PASSWORD, "203.0.113.43"))
			.andExpect(redirectedUrl("/login?throttled"));
		clock.set(sixth.plus(Duration.ofMinutes(15)).plusSeconds(1));
		mvc.perform(signIn("doubling@example.org", PASSWORD, "203.0.113.43")).andExpect(redirectedUrl("/admin"));
	}

	@Test
	void signInsFailuresAndLockoutsAreAudited() throws Exception {
		account(jdbc, encoder, "audited@example.org", PASSWORD, "CAMPAIGNER");
		mvc.perform(signIn("audited@example.org", PASSWORD, "198.51.100.44")).andExpect(redirectedUrl("/admin"));
		for (int i = 0; i < 5; i++) {
			mvc.perform(signIn("audited@example.org", "wrong " + i, "203.0.113.44"));
		}
		mvc.perform(signIn("typed my password here by mistake", "wrong", "203.0.113.45"));

		assertThat(audited("audited@example.org", "sign-in", "198.51.100.44")).isEqualTo(1);
		assertThat(audited("audited@example.org", "sign-in.failed", "203.0.113.44")).isEqualTo(5);
		assertThat(audited("audited@example.org", "sign-in.locked", "203.0.113.44")).isEqualTo(1);
		assertThat(jdbc.sql("select actor from staff_audit where address = '203.0.113.45'").query(String.class).list())
			.containsExactly((String) null);
		assertThat(
				jdbc.sql("select count(*) from staff_audit where actor like '%by mistake%'").query(Long.class).single())
			.isZero();
	}

	private void guess40(String email, String address) throws Exception {
		for (int i = 0; i < 40; i++) {
			mvc.perform(signIn(email, "guess number " + i, address));
		}
	}

	private Instant lastFailureFrom(String address) {
		return jdbc.sql("select max(failed_at) from sign_in_failure where address = ?")
			.param(address)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private long audited(String actor, String action, String address) {
		return jdbc.sql("select count(*) from staff_audit where actor = ? and action = ? and address = ?")
			.params(actor, action, address)
			.query(Long.class)
			.single();
	}

}
