<?php
/**
 * What the tests ask the running stack to see what the plugin made (not through the plugin's client).
 *
 * @package Risiti_WooCommerce\Tests
 */

final class RisitiApi {

	/** @return string|null The stack's base URL, null when the tests run without one. */
	public static function base_url() {
		$url = getenv( 'RISITI_BASE_URL' );
		return false === $url || '' === $url ? null : rtrim( $url, '/' );
	}

	/** @return string */
	public static function api_key() {
		return (string) getenv( 'RISITI_API_KEY' );
	}

	/**
	 * GET a path with the key; the decoded body, after asserting a 200.
	 *
	 * @param string $path Path and query.
	 * @return array
	 */
	public static function get( $path ) {
		$curl = curl_init( self::base_url() . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_HTTPHEADER     => array( 'x-api-key: ' . self::api_key(), 'Accept: application/json' ),
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 30,
			)
		);
		$body = curl_exec( $curl );
		$code = curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		if ( 200 !== $code ) {
			throw new RuntimeException( 'GET ' . $path . ' answered ' . $code . ': ' . $body );
		}
		return json_decode( $body, true );
	}
}
