package org.safepassage.petitions.web;

import org.safepassage.petitions.domain.PetitionsProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class PetitionsWebConfiguration {

	/** After the security filter chain (order -100), before the dispatcher. */
	@Bean
	PublicPageCache publicPageCache(LocaleResolver localeResolver, PetitionsProperties properties) {
		return new PublicPageCache(localeResolver, properties.pageCacheTtl());
	}

	@Bean
	FilterRegistrationBean<PublicPageCache> publicPageCacheRegistration(PublicPageCache cache) {
		// Every address: the container matches URL patterns against the address as sent,
		// so
		// "/petitions/*" would miss /ko/petitions/1 (the language prefix comes off inside
		// the
		// chain). The filter's own check of the path is one regular expression.
		FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
