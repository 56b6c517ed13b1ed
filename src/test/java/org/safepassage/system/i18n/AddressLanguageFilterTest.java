package org.safepassage.system.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The prefix comes off the request and goes back onto the page's own links. */
class AddressLanguageFilterTest {

	final AddressLanguageFilter filter = new AddressLanguageFilter(
			List.of(Locale.ENGLISH, Locale.KOREAN, Locale.forLanguageTag("zh-Hans")));

	record Seen(HttpServletRequest request, HttpServletResponse response) {
	}

	Seen run(String uri) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setServletPath(uri);
		AtomicReference<Seen> seen = new AtomicReference<>();
		filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> new AddressLanguageFilter.LinksFilter()
			.doFilter(req, res, (r, s) -> seen.set(new Seen((HttpServletRequest) r, (HttpServletResponse) s))));
		return seen.get();
	}

	@Test
	void thePrefixComesOffAndTheLanguageIsFixed() throws Exception {
		Seen seen = run("/ko/petitions/7");
		assertThat(seen.request().getRequestURI()).isEqualTo("/petitions/7");
		assertThat(seen.request().getServletPath()).isEqualTo("/petitions/7");
		assertThat(seen.request().getRequestURL().toString()).isEqualTo("http://localhost/petitions/7");
		assertThat(seen.request().getAttribute(AddressLanguageFilter.ATTRIBUTE)).isEqualTo(Locale.KOREAN);
		assertThat(run("/zh-Hans").request().getRequestURI()).isEqualTo("/");
	}

	@Test
	void linksAndRedirectsGetThePrefixBackButAssetsDoNot() throws Exception {
		HttpServletResponse response = run("/zh-Hans/evidence").response();
		assertThat(response.encodeURL("/petitions?show=closed")).isEqualTo("/zh-Hans/petitions?show=closed");
		assertThat(response.encodeRedirectURL("/petitions")).isEqualTo("/zh-Hans/petitions");
		assertThat(response.encodeURL("/")).isEqualTo("/zh-Hans/");
		assertThat(response.encodeURL("/zh-Hans/petitions")).isEqualTo("/zh-Hans/petitions");
		assertThat(response.encodeURL("/css/site.css")).isEqualTo("/css/site.css");
		assertThat(response.encodeURL("/webjars/htmx.org/dist/htmx.min.js"))
			.isEqualTo("/webjars/htmx.org/dist/htmx.min.js");
		assertThat(response.encodeURL("/api/petitions/1")).isEqualTo("/api/petitions/1");
		assertThat(response.encodeURL("https://example.org/x")).isEqualTo("https://example.org/x");
		assertThat(response.encodeURL("//example.org/x")).isEqualTo("//example.org/x");
		assertThat(response.encodeURL("?page=2")).isEqualTo("?page=2");
	}

	@Test
	void pagesWithoutAPrefixVaryByLanguageHeaderAndCookieButAssetsDoNot() throws Exception {
		assertThat(run("/petitions/7").response().getHeaders("Vary")).containsExactly("Accept-Language, Cookie");
		assertThat(run("/api/petitions/7/count").response().getHeaders("Vary"))
			.containsExactly("Accept-Language, Cookie");
		assertThat(run("/ko/petitions/7").response().getHeaders("Vary")).isEmpty();
		assertThat(run("/css/site.css").response().getHeaders("Vary")).isEmpty();
	}

	@Test
	void otherAddressesPassUntouched() throws Exception {
		for (String uri : List.of("/petitions/7", "/en/petitions/7", "/fr/petitions/7", "/KO/petitions", "/kor/x")) {
			Seen seen = run(uri);
			assertThat(seen.request().getRequestURI()).as(uri).isEqualTo(uri);
			assertThat(seen.request().getAttribute(AddressLanguageFilter.ATTRIBUTE)).as(uri).isNull();
			assertThat(seen.response().encodeURL("/petitions")).isEqualTo("/petitions");
		}
	}

}
