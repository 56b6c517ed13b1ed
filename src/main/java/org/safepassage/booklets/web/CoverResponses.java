package org.safepassage.booklets.web;

import java.time.Duration;
import java.util.Optional;

import org.safepassage.booklets.domain.BookletRepository.Cover;
import org.safepassage.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored cover as an HTTP answer: its own type, cached for an hour, never sniffed. */
final class CoverResponses {

	private CoverResponses() {
	}

	static ResponseEntity<byte[]> of(Optional<Cover> cover) {
		Cover found = cover.orElseThrow(() -> new NotFoundException("No cover"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(found.mediaType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.lastModified(found.changedAt())
			.header("X-Content-Type-Options", "nosniff")
			.body(found.bytes());
	}

}
