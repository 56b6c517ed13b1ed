package org.safepassage.system;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	WebConfiguration(SafePassageProperties properties) {
		this.languages = new SupportedLocaleResolver(properties.languages());
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
