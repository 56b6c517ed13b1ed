package org.safepassage.petitions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.SignerFixtures;
import org.safepassage.petitions.SignerFixtures.Signer;
import org.safepassage.petitions.domain.Delivery;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The update job queues each opted-in signer once per update, in batches, however many
 * run it at the same time and however often.
 */
class SignerUpdatesIntegrationTest extends IntegrationTest {

	@Autowired
	PetitionRepository repository;

	@Autowired
	PetitionAdministration administration;

	@Autowired
	DeliveryRecords records;

	@Autowired
	SignerUpdates updates;

	@Autowired
	MockMvc mvc;

	@Test
	void concurrentRunsQueueEverySignerExactlyOnceInBatches() throws Exception {
		long id = Petitions.openPetition(repository, "Many signers");
		int signers = 130;
		for (int i = 0; i < signers; i++) {
			SignerFixtures.insert(jdbc, id, Signer.optedIn("many" + i + "@example.org"));
		}
		SignerFixtures.insert(jdbc, id, new Signer("not.asked@example.org", false, true, false, false, "en"));
		administration.close(id);
		records.deliver(id,
				new Delivery(LocalDate.now(clock), "The duty officer", "Embassy", Delivery.Method.POST, null), null,
				"test@example.org");
		long updateId = jdbc.sql("select id from petition_update where petition_id = ?")
			.param(id)
			.query(Long.class)
			.single();

		// Four runners at once, in batches of 20, as four instances would.
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CyclicBarrier start = new CyclicBarrier(4);
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(CompletableFuture.runAsync(() -> {
				try {
					start.await();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				updates.queueDue(20);
			}, pool));
		}
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
		pool.shutdown();
		updates.queueDue(20);

		String category = SignerUpdates.category(updateId);
		assertThat(jdbc.sql("select count(*) from mail_outbox where category = ?")
			.param(category)
			.query(Long.class)
			.single()).isEqualTo(signers);
		assertThat(jdbc.sql("select count(distinct recipient) from mail_outbox where category = ?")
			.param(category)
			.query(Long.class)
			.single()).isEqualTo(signers);
		assertThat(
				jdbc.sql("select count(*) from mail_outbox where category = ? and recipient = 'not.asked@example.org'")
					.param(category)
					.query(Long.class)
					.single())
			.isZero();
		assertThat(jdbc.sql("select queued from petition_update where id = ?")
			.param(updateId)
			.query(Integer.class)
			.single()).isEqualTo(signers);
		assertThat(jdbc.sql("select finished_at is not null from petition_update where id = ?")
			.param(updateId)
			.query(Boolean.class)
			.single()).isTrue();
		// Every mail has its own removal link, stored like the confirmation links.
		assertThat(jdbc.sql("""
				select count(*) from signature_link l join signature s on s.id = l.signature_id
				where s.petition_id = ?""").param(id).query(Long.class).single()).isEqualTo(signers);
	}

	/**
	 * However many updates staff record, one mailbox gets at most the day's cap of update
	 * mails (3 by default), however its address is written; the others are counted for
	 * staff, and the next day it is mailed again.
	 */
	@Test
	void oneMailboxGetsAtMostTheDaysCapOfUpdateMailsFromAllPetitions() throws Exception {
		List<Long> petitions = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long id = Petitions.openPetition(repository, "Capped " + i);
			SignerFixtures.insert(jdbc, id,
					Signer.optedIn(i % 2 == 0 ? "Capped@Example.org" : "capped+" + i + "@example.org"));
			SignerFixtures.insert(jdbc, id, Signer.optedIn("other" + i + ".capped@example.org"));
			administration.close(id);
			records.deliver(id,
					new Delivery(LocalDate.now(clock), "The duty officer", "Embassy", Delivery.Method.POST, null), null,
					"test@example.org");
			petitions.add(id);
		}
		updates.queueDue(20);

		assertThat(jdbc.sql("select count(*) from mail_outbox where lower(recipient) like 'capped%@example.org'")
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient like 'other_.capped@example.org'")
			.query(Long.class)
			.single()).as("other signers are not held back").isEqualTo(4);
		assertThat(jdbc.sql("select sum(capped), sum(queued) from petition_update where petition_id = any(?)")
			.param(petitions.toArray(Long[]::new))
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single()).containsExactly(1L, 7L);

		// Staff see on each delivery page how many signers were left out.
		long leftOut = 0;
		for (long id : petitions) {
			leftOut += records.updates(id).getFirst().capped();
			String page = mvc
				.perform(get("/admin/petitions/{id}/delivery", id).with(user("staff@example.org").roles("CAMPAIGNER")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("Over the daily limit");
		}
		assertThat(leftOut).isEqualTo(1);

		// The next day (UTC) the mailbox is told of a response.
		clock.advance(Duration.ofDays(1));
		records.respond(petitions.getFirst(), new DeliveryRecords.Response(LocalDate.now(clock), "Foreign Office",
				"We have received the petition.", null), "test@example.org");
		updates.queueDue(20);
		assertThat(jdbc.sql("select count(*) from mail_outbox where lower(recipient) like 'capped%@example.org'")
			.query(Long.class)
			.single()).isEqualTo(4);
	}

}
