package org.safepassage.system.i18n;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The language in the address: {@code /ko/petitions/1} is {@code /petitions/1} in Korean.
 * The prefix is taken off before anything else sees the request (Spring Security, the
 * page cache, controllers), so every page works under every prefix without its author
 * doing anything; the language is fixed for the request ({@link #ATTRIBUTE}, read by the
 * locale resolver before the cookie and Accept-Language), and the links and redirects the
 * page writes through {@code encodeURL}/{@code encodeRedirectURL} (Thymeleaf's
 * {@code @{...}}, Spring's {@code redirect:}) get the prefix back from
 * {@link LinksFilter}, which runs after Spring Security (whose
 * {@code DisableEncodeUrlFilter} makes {@code encodeURL} a no-op, so session ids never
 * leak into links).
 * <p>
 * Only the prefixes of the supported languages other than the default are known; any
 * other first segment is left alone, so {@code /fr/petitions/1} is simply not found and
 * creates no language. The default language has no prefix: its pages keep their
 * addresses.
 */
public class AddressLanguageFilter extends OncePerRequestFilter {

	/** The request attribute holding the {@link Locale} named by the address. */
	public static final String ATTRIBUTE = AddressLanguageFilter.class.getName() + ".locale";

	/** Request attribute: the prefix taken off ({@code /ko}), for links back in. */
	public static final String PREFIX_ATTRIBUTE = AddressLanguageFilter.class.getName() + ".prefix";

	/**
	 * Addresses that are the same in every language: assets, the JSON API, operations
	 * endpoints and feeds (named by their language already).
	 */
	private static final List<String> UNPREFIXED = List.of("/css/", "/js/", "/webjars/", "/api/", "/actuator",
			"/favicon", "/alerts/feed/", "/v3/api-docs");

	private static final List<String> ASSETS = List.of("/css/", "/js/", "/webjars/", "/fonts/", "/images/", "/favicon");

	private final Map<String, Locale> byPrefix = new LinkedHashMap<>();

	public AddressLanguageFilter(List<Locale> supported) {
		for (Locale locale : supported.subList(1, supported.size())) {
			this.byPrefix.put(prefixOf(locale), locale);
		}
	}

	/** {@code /ko} for Korean: the prefix of a language other than the default. */
	public static String prefixOf(Locale locale) {
		return "/" + locale.toLanguageTag();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String context = request.getContextPath();
		String path = request.getRequestURI().substring(context.length());
		int end = path.indexOf('/', 1);
		String first = end < 0 ? path : path.substring(0, end);
		Locale locale = this.byPrefix.get(first);
		if (locale == null) {
			if (!isAsset(path)) {
				// Without a prefix the language comes from the cookie or Accept-Language:
				// a
				// shared cache must not hand one reader's language to another.
				response.addHeader("Vary", "Accept-Language, Cookie");
			}
			chain.doFilter(request, response);
			return;
		}
		String rest = end < 0 ? "/" : path.substring(end);
		request.setAttribute(ATTRIBUTE, locale);
		request.setAttribute(PREFIX_ATTRIBUTE, first);
		// A path parsed and cached before this filter would still carry the prefix.
		ServletRequestPathUtils.clearParsedRequestPath(request);
		request.removeAttribute(UrlPathHelper.PATH_ATTRIBUTE);
		chain.doFilter(new Unprefixed(request, context + rest, first), response);
	}

	/** Files that are the same in every language. */
	private static boolean isAsset(String path) {
		for (String asset : ASSETS) {
			if (path.startsWith(asset)) {
				return true;
			}
		}
		return false;
	}

	/** The request as if it had come without the prefix. */
	private static final class Unprefixed extends HttpServletRequestWrapper {

		private final String uri;

		private final String prefix;

		Unprefixed(HttpServletRequest request, String uri, String prefix) {
			super(request);
			this.uri = uri;
			this.prefix = prefix;
		}

		@Override
		public String getRequestURI() {
			return this.uri;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer original = super.getRequestURL();
			String originalUri = super.getRequestURI();
			int at = original.lastIndexOf(originalUri);
			return at < 0 ? original : new StringBuffer(original.substring(0, at)).append(this.uri);
		}

		/** The prefix is in the servlet path (a servlet at "/") or the path info. */
		@Override
		public String getServletPath() {
			return stripped(super.getServletPath());
		}

		@Override
		public String getPathInfo() {
			return stripped(super.getPathInfo());
		}

		private String stripped(String path) {
			if (path == null || !(path.equals(this.prefix) || path.startsWith(this.prefix + "/"))) {
				return path;
			}
			String rest = path.substring(this.prefix.length());
			return rest.isEmpty() ? "/" : rest;
		}

	}

	/**
	 * Puts the prefix back onto the links and redirects a page under a prefixed address
	 * writes, the error page of such an address included.
	 */
	public static final class LinksFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, request.getAttribute(PREFIX_ATTRIBUTE) instanceof String prefix
					? new Links(response, request.getContextPath(), prefix) : response);
		}

	}

	/** Links and redirects written by the page stay in its language. */
	static final class Links extends HttpServletResponseWrapper {

		private final String context;

		private final String prefix;

		Links(HttpServletResponse response, String context, String prefix) {
			super(response);
			this.context = context;
			this.prefix = prefix;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(prefixed(url));
		}

		@Override
		public String encodeRedirectURL(String url) {
			return super.encodeRedirectURL(prefixed(url));
		}

		String prefixed(String url) {
			if (url == null || !url.startsWith(this.context + "/") || url.startsWith("//")) {
				return url;
			}
			String path = url.substring(this.context.length());
			if (path.equals(this.prefix) || path.startsWith(this.prefix + "/") || path.startsWith(this.prefix + "?")) {
				return url;
			}
			for (String fixed : UNPREFIXED) {
				if (path.startsWith(fixed)) {
					return url;
				}
			}
			return this.context + this.prefix + path;
		}

	}

}
