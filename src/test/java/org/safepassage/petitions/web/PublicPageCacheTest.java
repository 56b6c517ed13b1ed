package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * The page copy's redraw: one request draws the page again while the others keep being
 * served the old copy.
 */
class PublicPageCacheTest {

	private final AtomicInteger draws = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong();

	private final PublicPageCache cache = new PublicPageCache(new FixedLocaleResolver(Locale.ENGLISH),
			Duration.ofMillis(200), nanos::get);

	@Test
	void onlyOneRequestRedrawsAnOldCopyWhileTheOthersReadIt() throws Exception {
		assertThat(get(page("first"))).isEqualTo("first");
		assertThat(get(page("not drawn"))).as("a fresh copy").isEqualTo("first");

		nanos.addAndGet(Duration.ofMillis(250).toNanos());
		CountDownLatch drawing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		FilterChain slow = (request, response) -> {
			drawing.countDown();
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			page("second").doFilter(request, response);
		};
		CompletableFuture<String> redraw = CompletableFuture.supplyAsync(() -> get(slow));
		assertThat(drawing.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 5; i++) {
			assertThat(get(page("drawn twice"))).as("served the old copy while it is redrawn").isEqualTo("first");
		}
		release.countDown();
		assertThat(redraw.get(5, TimeUnit.SECONDS)).isEqualTo("second");
		assertThat(get(page("not drawn"))).isEqualTo("second");
		assertThat(draws.get()).as("pages drawn: the first and one redraw").isEqualTo(2);
	}

	@Test
	void aPageGoneWhenRedrawnIsNoLongerServed() throws Exception {
		assertThat(get(page("first"))).isEqualTo("first");
		nanos.addAndGet(Duration.ofMillis(250).toNanos());
		FilterChain gone = (request, response) -> ((HttpServletResponse) response).setStatus(404);
		get(gone);
		assertThat(get(page("new"))).as("drawn again, not the old copy").isEqualTo("new");
	}

	private FilterChain page(String body) {
		return (request, response) -> {
			draws.incrementAndGet();
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
		};
	}

	private String get(FilterChain chain) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/petitions/7");
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			cache.doFilter(request, response, chain);
			return response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
