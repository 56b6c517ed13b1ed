package org.safepassage.system;

import java.time.Duration;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import org.safepassage.system.i18n.AddressLanguageFilter;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final SupportedLocaleResolver languages;

	private final SafePassageProperties properties;

	WebConfiguration(SafePassageProperties properties) {
		this.properties = properties;
		this.languages = new SupportedLocaleResolver(properties.languages());
	}

	/**
	 * Before everything else (after the request size limits), so Spring Security, the
	 * page cache and the controllers see the address without its language prefix.
	 */
	@Bean
	FilterRegistrationBean<AddressLanguageFilter> addressLanguageFilter() {
		FilterRegistrationBean<AddressLanguageFilter> registration = new FilterRegistrationBean<>(
				new AddressLanguageFilter(this.properties.languages()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/** After Spring Security, which turns {@code encodeURL} off for what follows it. */
	@Bean
	FilterRegistrationBean<AddressLanguageFilter.LinksFilter> addressLanguageLinksFilter() {
		FilterRegistrationBean<AddressLanguageFilter.LinksFilter> registration = new FilterRegistrationBean<>(
				new AddressLanguageFilter.LinksFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		return this.languages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.languages.languageChange());
	}

	/**
	 * With the webjars locator on the classpath Boot would rewrite every link a page
	 * renders through the resource handlers, a few classpath look-ups per link. Only the
	 * webjar links need it: layout.html asks for them directly, so the filter stays off.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Webjars are linked without their version
	 * ({@code /webjars/htmx.org/dist/htmx.min.js}); the version lives only in the pom.
	 * Pages render the versioned path, so a new version is fetched at once despite the
	 * week of caching.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/css/**", "/js/**")
			.addResourceLocations("classpath:/static/css/", "classpath:/static/js/")
			.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
	}

}
