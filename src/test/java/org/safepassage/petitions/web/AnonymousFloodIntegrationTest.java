package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.petitions.signing.SignatureCounts;
import org.safepassage.shared.Countries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9, finding 1: nothing an anonymous visitor sends may make the application keep
 * more in memory. Made-up languages (cookie, {@code ?lang=}, Accept-Language) get the
 * default language and no copies of their own; made-up petition ids get a 404 and leave
 * nothing behind. The cache sizes are the exact check; the live heap after a full GC is
 * the coarse one, with a tolerance far below what the flood used to add (about 200 KB per
 * language). Over real HTTP: MockMvc keeps every response it printed until the test ends.
 */
class AnonymousFloodIntegrationTest extends IntegrationTest {

	static final int FLOOD = 2_000;

	static final long UNKNOWN_IDS_FROM = 4_000_000_000L;

	static final long HEAP_GROWTH_TOLERANCE = 32L * 1024 * 1024;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	PetitionRepository petitions;

	@Autowired
	SignatureCounts counts;

	@Autowired
	PublicPageCache pages;

	@Autowired
	PetitionPageController pageController;

	@Test
	void madeUpLanguagesAndPetitionIdsAddNothingToMemory() throws Exception {
		long id = Petitions.openPetition(petitions, "Flood of made-up languages");
		for (int i = 0; i < 100; i++) {
			assertThat(get("/petitions/" + id).statusCode()).isEqualTo(200);
			assertThat(get("/petitions/" + id + "?lang=en").statusCode()).isEqualTo(200);
			assertThat(get("/petitions/" + id + "/counter").statusCode()).isEqualTo(200);
			assertThat(get("/petitions/" + (UNKNOWN_IDS_FROM - 1 - i)).statusCode()).isEqualTo(404);
			assertThat(get("/api/petitions/" + (UNKNOWN_IDS_FROM - 1 - i) + "/count").statusCode()).isEqualTo(404);
		}
		long petitionsHeld = petitions.copiesHeld();
		long countsHeld = counts.copiesHeld();
		long evidenceHeld = pageController.evidenceCopiesHeld();
		long languagesHeld = Countries.languagesHeld();
		long heapBefore = liveHeap();

		try (ExecutorService visitors = Executors.newFixedThreadPool(4)) {
			List<Future<?>> visits = new ArrayList<>();
			for (int i = 0; i < FLOOD; i++) {
				int visitor = i;
				visits.add(visitors.submit(() -> {
					visit(id, visitor);
					return null;
				}));
			}
			for (Future<?> visit : visits) {
				visit.get();
			}
		}

		assertThat(pages.copiesHeld()).as("page copies: the page and its counter, in English").isLessThanOrEqualTo(2);
		assertThat(petitions.copiesHeld()).as("petitions held").isEqualTo(petitionsHeld);
		assertThat(counts.copiesHeld()).as("counts held").isEqualTo(countsHeld);
		assertThat(pageController.evidenceCopiesHeld()).as("linked evidence held").isEqualTo(evidenceHeld);
		assertThat(Countries.languagesHeld()).as("country lists held").isEqualTo(languagesHeld);
		long growth = liveHeap() - heapBefore;
		assertThat(growth).as("live heap growth in bytes").isLessThan(HEAP_GROWTH_TOLERANCE);
	}

	/** One visitor with a made-up language, and two made-up petition ids. */
	void visit(long id, int i) throws Exception {
		String language = madeUpLanguage(i);
		HttpResponse<String> byCookie = get("/petitions/" + id, "Cookie", "safepassage-lang=" + language);
		assertThat(byCookie.statusCode()).isEqualTo(200);
		assertThat(byCookie.headers().firstValue("Content-Language")).hasValue("en");
		HttpResponse<String> byParameter = get("/petitions/" + id + "?lang=" + language);
		assertThat(byParameter.statusCode()).isEqualTo(200);
		assertThat(byParameter.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(byParameter.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("safepassage-lang=en;"))
			.noneMatch(c -> c.startsWith("safepassage-lang=" + language));
		HttpResponse<String> byBrowser = get("/petitions/" + id + "/counter", "Accept-Language", language);
		assertThat(byBrowser.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(get("/petitions/" + (UNKNOWN_IDS_FROM + i)).statusCode()).isEqualTo(404);
		assertThat(get("/" + language + "/petitions/" + id).statusCode()).isEqualTo(404);
		assertThat(get("/api/petitions/" + (UNKNOWN_IDS_FROM + FLOOD + i) + "/count").statusCode()).isEqualTo(404);
	}

	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Well-formed language tags no bundle exists for, all different. */
	static String madeUpLanguage(int i) {
		return switch (i % 4) {
			case 0 -> "en-x-f" + i;
			case 1 -> "qaa-x-" + i;
			case 2 -> "zz-" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + "-x-" + i;
			default -> "fr-x-k" + i;
		};
	}

	/** Heap in use after full collections; the least of three readings. */
	static long liveHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long least = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
		}
		return least;
	}

}
