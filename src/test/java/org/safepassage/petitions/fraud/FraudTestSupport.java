package org.safepassage.petitions.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.signing.SignatureCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the fraud tools' integration tests share: staff of each role, signatures made in
 * bulk as signing and confirming write them, and the counts and audit entries they check.
 */
abstract class FraudTestSupport extends IntegrationTest {

	static final RequestPostProcessor MODERATOR = user("moderator@example.org").roles("MODERATOR");

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final RequestPostProcessor RESEARCHER = user("researcher@example.org").roles("RESEARCHER");

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	@Autowired
	SignatureCounts counts;

	@Autowired
	SignatureWatch watch;

	/**
	 * {@code n} signatures made now from {@code ipPrefix.1..}, at {@code domain}, queued
	 * to count when confirmed, as the signing batch and the confirmation write them.
	 */
	void seed(long petitionId, int n, String tag, String ipPrefix, String domain, String country, boolean confirmed) {
		jdbc.sql(
				"""
						insert into signature (petition_id, name, email, email_canonical, country, locale, ip, created_at,
						                       confirmed_at, token_hash, token_expires_at)
						select :id, 'Signer ' || g, :tag || g || '@' || :domain, :tag || g || '@' || :domain, :country, 'en',
						       cast(:ip || ((g % 250) + 1) as inet), cast(:now as timestamptz), case when :confirmed then cast(:now as timestamptz) end,
						       uuid_send(gen_random_uuid()), cast(:now as timestamptz) + interval '14 days'
						from generate_series(1, :n) g""")
			.param("id", petitionId)
			.param("tag", tag)
			.param("domain", domain)
			.param("country", country)
			.param("ip", ipPrefix + ".")
			.param("now", Timestamp.from(clock.instant()))
			.param("confirmed", confirmed)
			.param("n", n)
			.update();
		if (confirmed) {
			jdbc.sql("""
					insert into signature_count_pending (petition_id, country)
					select :id, :country from generate_series(1, :n)""")
				.param("id", petitionId)
				.param("country", country)
				.param("n", n)
				.update();
		}
	}

	long trueCount(long petitionId) {
		return jdbc.sql("""
				select count(*) from signature
				where petition_id = ? and confirmed_at is not null and not flagged and invalidated_at is null""")
			.param(petitionId)
			.query(Long.class)
			.single();
	}

	void awaitPublicCount(long petitionId, long expected) {
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			assertThat(counts.of(petitionId).total()).isEqualTo(expected);
		});
	}

	long audited(String action, String recordLike) {
		return jdbc.sql("select count(*) from staff_audit where action = ? and record like ?")
			.param(action)
			.param(recordLike)
			.query(Long.class)
			.single();
	}

	@Autowired
	SigningRules rules;

	List<SigningRules.Rule> rulesOn(String rangePrefix, String domain) {
		return rules.list()
			.stream()
			.filter(r -> r.value().startsWith(rangePrefix) || r.value().equals(domain))
			.toList();
	}

	MockHttpServletRequestBuilder signFrom(long id, String ip, String email) {
		return post("/petitions/{id}/signatures", id).with(csrf()).with(request -> {
			request.setRemoteAddr(ip);
			return request;
		}).param("name", "Signer").param("email", email).param("country", "GB");
	}

}
