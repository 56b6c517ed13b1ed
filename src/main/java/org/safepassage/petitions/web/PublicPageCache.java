package org.safepassage.petitions.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.petitions.domain.PetitionRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public petition page and its live counter from a copy at most {@code ttl}
 * old, per language, to anonymous readers: during a spike thousands of people read the
 * same page every second. Only pages answered 200 are kept (a made-up id's 404 is not),
 * in the supported languages only, within {@link #MAXIMUM_BYTES}. The page's only
 * per-visitor part, the sign form's CSRF token, is put back into each copy. Runs after
 * Spring Security, so security headers and the CSRF cookie are set as for any page.
 * <p>
 * When a copy is {@code ttl} old, the one request that claims it draws the page again
 * while the others are still served the old copy: without this, every request in flight
 * at that moment drew the same page (a spike profile showed renders at an eighth of the
 * CPU). A copy no one managed to redraw is dropped at twice the {@code ttl}.
 */
class PublicPageCache extends OncePerRequestFilter {

	private static final Pattern CACHEABLE = Pattern.compile("/petitions/(\\d{1,18})(/counter)?");

	/**
	 * Copies are at most {@code ttl} old, so this holds only the pages read in the last
	 * moment; the bound is for a site with very many petitions and languages.
	 */
	static final long MAXIMUM_BYTES = 16L * 1024 * 1024;

	private static final String TOKEN_PLACEHOLDER = "\u0000csrf\u0000";

	private final LocaleResolver localeResolver;

	private final Cache<Key, Copy> copies;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	/**
	 * By petition id, not by address: {@code /petitions/007} is petition 7. The language
	 * is one of the supported ones, with the address prefix its links carry.
	 */
	private record Key(long petitionId, boolean counter, String language) {
	}

	/**
	 * The page split around the CSRF token, already encoded, so serving a copy is two
	 * writes.
	 */
	private record Copy(byte[][] parts, String contentType, String cacheControl, long madeAt, AtomicBoolean redrawing) {

		boolean claimRedraw(long now, long ttlNanos) {
			return now - madeAt >= ttlNanos && redrawing.compareAndSet(false, true);
		}

		int bytes() {
			int bytes = 0;
			for (byte[] part : parts) {
				bytes += part.length;
			}
			return bytes;
		}

	}

	PublicPageCache(LocaleResolver localeResolver, Duration ttl) {
		this(localeResolver, ttl, System::nanoTime);
	}

	/**
	 * @param nanoTime interval time, as Caffeine measures it (not the wall clock); tests
	 * move it
	 */
	PublicPageCache(LocaleResolver localeResolver, Duration ttl, LongSupplier nanoTime) {
		this.localeResolver = localeResolver;
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
		this.copies = Caffeine.newBuilder()
			.ticker(nanoTime::getAsLong)
			.expireAfterWrite(ttl.multipliedBy(2))
			.maximumWeight(MAXIMUM_BYTES)
			.weigher((Key key, Copy copy) -> copy.bytes())
			.build();
	}

	/**
	 * Staff changes show at once on this instance; other instances catch up within the
	 * ttl.
	 */
	@EventListener
	void on(PetitionRepository.PetitionChanged changed) {
		copies.asMap().keySet().removeIf(key -> key.petitionId() == changed.petitionId());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getQueryString() != null
				|| !CACHEABLE.matcher(request.getRequestURI()).matches() || !isAnonymous();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale locale = localeResolver.resolveLocale(request);
		Matcher page = CACHEABLE.matcher(request.getRequestURI());
		page.matches();
		// The same language can be read under /petitions/1 (by cookie) and
		// /ko/petitions/1: the
		// links in the copy differ, so the address's prefix (what links get) is in the
		// key.
		Key key = new Key(Long.parseLong(page.group(1)), page.group(2) != null,
				locale.toLanguageTag() + " " + response.encodeURL("/"));
		Copy copy = copies.getIfPresent(key);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		long now = nanoTime.getAsLong();
		boolean redraw = copy != null && copy.claimRedraw(now, ttlNanos);
		if (copy != null && !redraw) {
			byte[] token = csrf == null ? new byte[0] : csrf.getToken().getBytes(StandardCharsets.US_ASCII);
			int length = (copy.parts().length - 1) * token.length + copy.bytes();
			response.setContentType(copy.contentType());
			response.setContentLength(length);
			response.setHeader("Content-Language", locale.toLanguageTag());
			if (copy.cacheControl() != null) {
				response.setHeader("Cache-Control", copy.cacheControl());
			}
			var out = response.getOutputStream();
			for (int i = 0; i < copy.parts().length; i++) {
				if (i > 0) {
					out.write(token);
				}
				out.write(copy.parts()[i]);
			}
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, wrapper);
		}
		finally {
			if (redraw) {
				copy.redrawing().set(false);
			}
		}
		if (wrapper.getStatus() == HttpServletResponse.SC_OK && wrapper.getContentType() != null
				&& wrapper.getContentType().startsWith("text/html")) {
			String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
			if (csrf != null) {
				body = body.replace(csrf.getToken(), TOKEN_PLACEHOLDER);
			}
			String[] pieces = body.split(Pattern.quote(TOKEN_PLACEHOLDER), -1);
			byte[][] parts = new byte[pieces.length][];
			for (int i = 0; i < pieces.length; i++) {
				parts[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
			}
			copies.put(key, new Copy(parts, wrapper.getContentType(), wrapper.getHeader("Cache-Control"), now,
					new AtomicBoolean()));
		}
		else if (redraw) {
			// Gone or failing now: no one may keep reading the old copy.
			copies.invalidate(key);
		}
		wrapper.copyBodyToResponse();
	}

	/** Copies of one petition's page and counter, in any language. */
	long copiesHeld(long petitionId) {
		return copies.asMap().keySet().stream().filter(key -> key.petitionId() == petitionId).count();
	}

	long copiesHeld() {
		copies.cleanUp();
		return copies.estimatedSize();
	}

	private static boolean isAnonymous() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth instanceof AnonymousAuthenticationToken;
	}

}
