package org.safepassage.system.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One mailbox gets at most {@code safepassage.mail.mailbox-cap.per-day} confirmation-type
 * mails a day from all public forms together, however its address is written; beyond that
 * every form answers the same and sends nothing. Requests come from allow-listed
 * addresses (192.0.2.0/24), so the per-address limits do not hide the cap.
 */
class MailboxCapIntegrationTest extends IntegrationTest {

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository petitions;

	@Autowired
	MailboxCap cap;

	@Autowired
	PlatformTransactionManager transactionManager;

	void sign(long petitionId, String email) throws Exception {
		mvc.perform(post("/petitions/{id}/signatures", petitionId).with(csrf())
			.with(fromAllowListed())
			.param("name", "Target")
			.param("email", email)
			.param("country", "GB")).andExpect(redirectedUrl("/petitions/" + petitionId + "/check-your-email"));
	}

	void subscribe(String email) throws Exception {
		mvc.perform(post("/alerts/subscribe").with(csrf())
			.with(fromAllowListed())
			.param("email", email)
			.param("name", "Target")
			.param("language", "en")
			.param("topics", "NEWS")).andExpect(redirectedUrl("/alerts/subscribe/check-your-email"));
	}

	static RequestPostProcessor fromAllowListed() {
		String ip = "192.0.2." + (1 + NEXT_ADDRESS.getAndIncrement() % 250);
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	/** Mails queued for a mailbox, however its address was written. */
	long mailsTo(String localPart, String domainPattern) {
		return jdbc.sql("select count(*) from mail_outbox where lower(recipient) ~ ?")
			.param("^" + localPart + "(\\+[^@]*)?@" + domainPattern + "$")
			.query(Long.class)
			.single();
	}

	@Test
	void twentyTaggedSubscriptionsMailTheMailboxThreeTimes() throws Exception {
		for (int i = 1; i <= 20; i++) {
			subscribe("tagged+" + i + "@example.org");
		}
		assertThat(mailsTo("tagged", "example\\.org")).isEqualTo(3);
	}

	@Test
	void gmailDotVariantsAreOneMailbox() throws Exception {
		String[] variants = { "dotty.target@gmail.com", "d.otty.target@gmail.com", "DottyTarget@googlemail.com",
				"dotty.tar.get+x@gmail.com", "d.o.t.t.y.target@gmail.com", "dottytarget+y@googlemail.com" };
		for (String variant : variants) {
			subscribe(variant);
		}
		assertThat(jdbc.sql("""
				select count(*) from mail_outbox
				where replace(split_part(split_part(lower(recipient), '@', 1), '+', 1), '.', '') = 'dottytarget'""")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void theSignAndSubscribeFormsShareOneCap() throws Exception {
		long first = Petitions.openPetition(petitions, "Cap one");
		long second = Petitions.openPetition(petitions, "Cap two");
		long third = Petitions.openPetition(petitions, "Cap three");
		sign(first, "shared@example.org");
		subscribe("Shared+alerts@example.org");
		sign(second, "shared+two@example.org");
		sign(third, "SHARED@example.org");
		subscribe("shared@example.org");
		assertThat(mailsTo("shared", "example\\.org")).isEqualTo(3);
		// Every signature is stored as usual, whether or not its mail went.
		assertThat(jdbc.sql("select count(*) from signature where email_canonical = 'shared@example.org'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void repeatsOfASignatureCountTowardsTheCapAndNoLinkIsMadeForAMailNotSent() throws Exception {
		long first = Petitions.openPetition(petitions, "Repeat one");
		long second = Petitions.openPetition(petitions, "Repeat two");
		sign(first, "repeat@example.org");
		sign(second, "repeat@example.org");
		sign(first, "repeat+again@example.org");
		sign(second, "repeat@example.org");
		assertThat(mailsTo("repeat", "example\\.org")).isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from signature_link l join signature s on s.id = l.signature_id
				where s.email_canonical = 'repeat@example.org'""").query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * Signatures arriving together are written in one batch: the cap counts every mailbox
	 * of the batch at once.
	 */
	@Test
	void signaturesWrittenInOneBatchAreCappedToo() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(Petitions.openPetition(petitions, "Spike " + i));
		}
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> signed = new ArrayList<>();
			for (long id : ids) {
				signed.add(pool.submit(() -> {
					sign(id, "spike+" + id + "@example.org");
					return null;
				}));
			}
			for (Future<?> f : signed) {
				f.get();
			}
		}
		assertThat(mailsTo("spike", "example\\.org")).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from signature where email_canonical = 'spike@example.org'")
			.query(Long.class)
			.single()).isEqualTo(12);
	}

	/**
	 * A kind of mail with a cap of its own (the petitions' update mails) is counted
	 * apart: a mailbox at its confirmations' cap still gets updates, and its updates do
	 * not use up its confirmations.
	 */
	@Test
	void aKindWithItsOwnCapIsCountedApartFromTheConfirmations() throws Exception {
		for (int i = 0; i < 4; i++) {
			subscribe("apart+" + i + "@example.org");
		}
		assertThat(mailsTo("apart", "example\\.org")).isEqualTo(3);
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		List<String> wanted = List.of("Apart@example.org", "apart+x@example.org", "apart@example.org");
		List<String> first = tx.execute(s -> cap.allowed(wanted, r -> r, "petitions.updates", 2));
		assertThat(first).containsExactly("Apart@example.org", "apart+x@example.org");
		List<String> again = tx.execute(s -> cap.allowed(List.of("apart@example.org"), r -> r, "petitions.updates", 2));
		assertThat(again).isEmpty();

		List<String> fresh = tx
			.execute(s -> cap.allowed(List.of("fresh.apart@example.org"), r -> r, "petitions.updates", 2));
		assertThat(fresh).hasSize(1);
		subscribe("fresh.apart@example.org");
		subscribe("fresh.apart+2@example.org");
		subscribe("fresh.apart+3@example.org");
		assertThat(mailsTo("fresh\\.apart", "example\\.org")).isEqualTo(3);
	}

	@Test
	void theCapOpensAgainTheNextDayAndOldDaysAreForgotten() throws Exception {
		for (int i = 0; i < 4; i++) {
			subscribe("nextday+" + i + "@example.org");
		}
		assertThat(mailsTo("nextday", "example\\.org")).isEqualTo(3);
		clock.advance(Duration.ofDays(1));
		subscribe("nextday+later@example.org");
		assertThat(mailsTo("nextday", "example\\.org")).isEqualTo(4);

		// Kept for counting only: a keyed hash, never the address.
		assertThat(jdbc.sql("select count(*) from mailbox_day where length(mailbox) <> 32").query(Long.class).single())
			.isZero();
		clock.advance(Duration.ofDays(2));
		cap.forgetEarlierDays();
		assertThat(jdbc.sql("select count(*) from mailbox_day where day < ?")
			.param(clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1))
			.query(Long.class)
			.single()).isZero();
	}

}
