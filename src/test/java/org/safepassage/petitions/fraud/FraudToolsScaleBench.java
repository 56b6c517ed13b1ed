package org.safepassage.petitions.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.signing.SignatureCounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fraud tools on a petition of 100,000 signatures in the last day
 * (bench/fraud/run.sh; skipped unless {@code -Dbench.fraud=true}): how long the stats,
 * the preview, the invalidation and the restore take, with the counts checked, and what
 * the allow and block lists cost a signature.
 */
@EnabledIfSystemProperty(named = "bench.fraud", matches = "true")
class FraudToolsScaleBench extends IntegrationTest {

	static final int SIGNATURES = Integer.getInteger("bench.fraud.signatures", 100_000);

	@Autowired
	PetitionRepository repository;

	@Autowired
	SignatureCounts counts;

	@Autowired
	SignatureWatch watch;

	@Autowired
	BulkInvalidation invalidation;

	@Autowired
	SigningRules rules;

	@Test
	void aHundredThousandSignatures() {
		long id = Petitions.openPetition(repository, "Scale");
		long started = System.nanoTime();
		// A third from one /16 of bots, the rest spread; four in five confirmed.
		jdbc.sql(
				"""
						insert into signature (petition_id, name, email, email_canonical, country, locale, ip, created_at,
						                       confirmed_at, token_hash, token_expires_at)
						select :id, 'Signer ' || g, 's' || g || '@d' || (g % 500) || '.example', 's' || g || '@d' || (g % 500) || '.example',
						       case when g % 3 = 0 then 'GB' when g % 3 = 1 then 'KR' else 'US' end, 'en',
						       case when g % 3 = 0 then cast('10.9.' || (g % 250) || '.' || (g % 251) as inet)
						            else cast('100.' || (g % 200) || '.' || (g % 199) || '.' || (g % 250) as inet) end,
						       cast(:now as timestamptz) - make_interval(secs => g % 80000),
						       case when g % 5 <> 0 then cast(:now as timestamptz) end, uuid_send(gen_random_uuid()),
						       cast(:now as timestamptz) + interval '14 days'
						from generate_series(1, :n) g""")
			.param("id", id)
			.param("now", Timestamp.from(clock.instant()))
			.param("n", SIGNATURES)
			.update();
		jdbc.sql("analyze signature").update();
		counts.recount();
		long counting = SIGNATURES - SIGNATURES / 5;
		await().atMost(Duration.ofSeconds(5)).until(() -> counts.of(id).total() == counting);
		report("seed " + SIGNATURES + " signatures (insert + analyze + recount)", started);

		started = System.nanoTime();
		SignatureWatch.Stats day = watch.stats(id, SignatureWatch.Window.DAY);
		report("stats, last day", started);
		assertThat(day.total()).isEqualTo(SIGNATURES);
		started = System.nanoTime();
		SignatureWatch.SuspectPage page = watch.suspects(id, day, 0);
		report("suspect list, first page of " + page.total(), started);

		Criteria bots = new Criteria(null, "10.9.0.0/16", null, null, null, null, null);
		started = System.nanoTime();
		BulkInvalidation.Preview preview = invalidation.preview(id, bots);
		report("preview (" + preview.signatures() + " match, " + preview.counting() + " counting)", started);

		started = System.nanoTime();
		BulkInvalidation.Result result = invalidation.invalidate(id, bots, "bench", "bench@example.org");
		report("invalidate", started);
		assertThat(result.signatures()).isEqualTo(preview.signatures());
		assertThat(result.counting()).isEqualTo(preview.counting());
		started = System.nanoTime();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> counts.of(id).total() == counting - result.counting());
		report("until the public count dropped by " + result.counting(), started);

		started = System.nanoTime();
		BulkInvalidation.Result restored = invalidation.restore(id, result.batch(), "bench@example.org");
		report("restore", started);
		assertThat(restored.counting()).isEqualTo(result.counting());
		started = System.nanoTime();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> counts.of(id).total() == counting);
		report("until the public count was back", started);

		for (int i = 0; i < 100; i++) {
			rules.add(i % 2 == 0 ? SigningRules.Kind.BLOCK : SigningRules.Kind.ALLOW, SigningRules.Subject.RANGE,
					"172.16." + i + ".0/24", null, "bench@example.org");
			rules.add(SigningRules.Kind.BLOCK, SigningRules.Subject.DOMAIN, "bench" + i + ".example", null,
					"bench@example.org");
		}
		int calls = 1_000_000;
		boolean any = false;
		for (int round = 0; round < 2; round++) {
			started = System.nanoTime();
			for (int i = 0; i < calls; i++) {
				String ip = "203.0." + (i % 250) + "." + (i % 200);
				any |= rules.refuses(ip, "x" + (i % 1000) + "@example.org", id) || rules.allows(ip, "x@example.org");
			}
		}
		assertThat(any).isFalse();
		System.out.printf(Locale.ROOT, "BENCH lists of 200 rules: %.2f µs a signature (refuses + allows)%n",
				(System.nanoTime() - started) / 1000.0 / calls);
	}

	/**
	 * What the one index the fraud page added ({@code signature_by_time}) costs the
	 * signing batch: the same 500-row inserts with and without it, alternately.
	 */
	@Test
	void theTimeIndexOnTheSigningPath() {
		long id = Petitions.openPetition(repository, "Index cost");
		long[] with = new long[3];
		long[] without = new long[3];
		int[] offset = { 0 };
		for (int round = 0; round < 6; round++) {
			boolean indexed = round % 2 == 0;
			if (!indexed) {
				jdbc.sql("drop index signature_by_time").update();
			}
			long started = System.nanoTime();
			for (int batch = 0; batch < 40; batch++) {
				jdbc.sql("""
						insert into signature (petition_id, name, email, email_canonical, country, locale, ip,
						                       created_at, token_hash, token_expires_at)
						select :id, 'Signer ' || g, 'i' || g || '@example.org', 'i' || g || '@example.org', 'GB', 'en',
						       cast('10.1.' || (g % 250) || '.' || (g % 251) as inet), cast(:now as timestamptz),
						       uuid_send(gen_random_uuid()), cast(:now as timestamptz) + interval '14 days'
						from generate_series(:from, :from + 499) g""")
					.param("id", id)
					.param("now", Timestamp.from(clock.instant()))
					.param("from", offset[0])
					.update();
				offset[0] += 500;
			}
			long ms = (System.nanoTime() - started) / 1_000_000;
			(indexed ? with : without)[round / 2] = ms;
			if (!indexed) {
				jdbc.sql("create index signature_by_time on signature (petition_id, created_at)").update();
			}
		}
		System.out.printf(Locale.ROOT,
				"BENCH 20,000 signatures in 500-row inserts: with signature_by_time %s ms, without %s ms%n",
				Arrays.toString(with), Arrays.toString(without));
	}

	private static void report(String what, long started) {
		System.out.printf(Locale.ROOT, "BENCH %s: %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
	}

}
