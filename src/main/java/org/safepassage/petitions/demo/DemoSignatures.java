package org.safepassage.petitions.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few dozen confirmed signatures on the demo petition, so that staff can try what comes
 * after collecting on a fresh install: the fraud checks, closing, the delivery pack
 * (whose PDF must print Korean and Chinese names), the verify page, and the delivery mail
 * to the signers who asked for updates. Every name is made up, every address is at
 * example.org.
 */
@Component
@Order(11)
@DemoData
class DemoSignatures implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSignatures.class);

	record Signer(String name, String country, String locale, boolean keepUpdated) {
	}

	static final List<Signer> SIGNERS = List.of(new Signer("김민준", "KR", "ko", true),
			new Signer("이서연", "KR", "ko", false), new Signer("박지훈", "GB", "ko", true),
			new Signer("최유진", "US", "ko", true), new Signer("정하늘", "KR", "ko", false),
			new Signer("王芳", "GB", "zh-Hans", true), new Signer("李明", "SG", "zh-Hans", false),
			new Signer("张伟", "CA", "zh-Hans", true), new Signer("陳美玲", "TW", "zh-Hant", true),
			new Signer("張家豪", "HK", "zh-Hant", false), new Signer("林怡君", "TW", "zh-Hant", true),
			new Signer("黃志明", "HK", "zh-Hant", true), new Signer("Hannah Clarke", "GB", "en", true),
			new Signer("David Okafor", "GB", "en", false), new Signer("Maria Schmidt", "DE", "en", true),
			new Signer("Ольга Иванова", "GB", "en", false), new Signer("Tomás García", "ES", "en", true),
			new Signer("Grace Lee", "US", "en", true), new Signer("Samuel Park", "AU", "en", false),
			new Signer("Aisha Rahman", "GB", "en", true), new Signer("Peter Wong", "GB", "zh-Hant", false),
			new Signer("Ruth Evans", "GB", "en", true), new Signer("Yuna Kang", "CA", "ko", true),
			new Signer("John MacLeod", "GB", "en", false));

	private final PetitionDirectory petitions;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoSignatures(PetitionDirectory petitions, JdbcClient jdbc, Clock clock) {
		this.petitions = petitions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		petitions.demoCampaign().ifPresent(demo -> {
			// Once, on a demo petition nobody has signed: never again after staff erased
			// or
			// removed these, and never beside real signatures.
			if (Boolean.TRUE.equals(
					jdbc.sql(PetitionQueries.HAS_SIGNATURES).param("id", demo.id()).query(Boolean.class).single())) {
				return;
			}
			Instant now = clock.instant();
			int added = 0;
			for (int i = 0; i < SIGNERS.size(); i++) {
				Signer signer = SIGNERS.get(i);
				added += jdbc.sql(PetitionQueries.DEMO_SIGNATURE)
					.param("petitionId", demo.id())
					.param("name", signer.name())
					.param("email", "demo-signer-" + (i + 1) + "@example.org")
					.param("country", signer.country())
					.param("keepUpdated", signer.keepUpdated())
					.param("locale", signer.locale())
					.param("signedAt", Timestamp.from(now.minus(Duration.ofHours(3L * (SIGNERS.size() - i)))))
					.update();
			}
			if (added > 0) {
				log.info("Demo campaign: {} made-up signatures added", added);
			}
		});
	}

}
