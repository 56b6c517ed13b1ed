package org.safepassage.petitions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test fixtures named by state. */
final class Petitions {

	private Petitions() {
	}

	static long openPetition(PetitionRepository repository, String title) {
		return openPetition(repository, title, Instant.now().plus(Duration.ofDays(30)));
	}

	static long openPetition(PetitionRepository repository, String title, Instant closingAt) {
		Instant now = Instant.now();
		long id = repository.save(Petition.draft(new PetitionContent(title, "Why it matters.\n\nSecond paragraph.",
				List.of("Grant refugee status", "Allow safe passage", "Stop forced returns"), "Embassy", 1000,
				closingAt), "test", now));
		Petition draft = repository.find(id).orElseThrow();
		draft.submit(now);
		repository.save(draft);
		Petition submitted = repository.find(id).orElseThrow();
		submitted.open(now);
		repository.save(submitted);
		return id;
	}

}
