package org.safepassage.petitions.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.signing.SignatureCounts;
import org.safepassage.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open data for petitions, documented in docs/api.md. */
@RestController
@RequestMapping("/api/petitions")
class PetitionApiController {

	private static final CacheControl ONE_SECOND = CacheControl.maxAge(Duration.ofSeconds(1))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofSeconds(5))
		.staleIfError(Duration.ofMinutes(5));

	private final PetitionCatalogue catalogue;

	private final SignatureCounts counts;

	PetitionApiController(PetitionCatalogue catalogue, SignatureCounts counts) {
		this.catalogue = catalogue;
		this.counts = counts;
	}

	record PetitionJson(long id, String title, String state, String target, List<String> demands, long signatureCount,
			Map<String, Long> signaturesByCountry, Integer signatureGoal, Instant openedAt, Instant closingAt,
			Instant closedAt, Instant deliveredAt) {
	}

	record CountJson(long id, long signatureCount, Instant countedAt) {
	}

	@GetMapping
	List<PetitionCatalogue.Listed> open() {
		return catalogue.list(List.of(PetitionState.OPEN), 0).items();
	}

	@GetMapping("/{id}")
	ResponseEntity<PetitionJson> petition(@PathVariable long id) {
		PetitionView p = find(id);
		Map<String, Long> byCountry = new LinkedHashMap<>();
		p.byCountry().forEach(c -> byCountry.put(c.code(), c.signatures()));
		return ResponseEntity.ok()
			.cacheControl(ONE_SECOND)
			.body(new PetitionJson(p.id(), p.title(), p.state().name(), p.target(), p.demands(), p.signatures(),
					byCountry, p.goal(), p.openedAt(), p.closingAt(), p.closedAt(), p.deliveredAt()));
	}

	@GetMapping("/{id}/count")
	ResponseEntity<CountJson> count(@PathVariable long id) {
		// The live counter is the most polled URL: check the petition is public without
		// building its page.
		if (!catalogue.isPublic(id)) {
			throw new NotFoundException("No public petition with id " + id);
		}
		SignatureCounts.Snapshot snapshot = counts.of(id);
		return ResponseEntity.ok()
			.cacheControl(ONE_SECOND)
			.body(new CountJson(id, snapshot.total(), snapshot.readAt()));
	}

	private PetitionView find(long id) {
		return catalogue.publicPetition(id, Locale.ENGLISH)
			.orElseThrow(() -> new NotFoundException("No public petition with id " + id));
	}

}
