<?php
/**
 * The plugin's settings, read from WordPress options (written by the WooCommerce → Settings → Risiti page).
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Typed access to the plugin's options; one place that knows their names and defaults.
 */
class Risiti_Settings {

	const BASE_URL            = 'risiti_base_url';
	const API_KEY             = 'risiti_api_key';
	const BUSINESS_ID         = 'risiti_business_id';
	const UNTAXED_LINES       = 'risiti_untaxed_lines';
	const TRIGGER_STATUSES    = 'risiti_trigger_statuses';
	const AUTO_FINALIZE       = 'risiti_auto_finalize';
	const AUTO_SUBMIT_NRS     = 'risiti_auto_submit_nrs';
	const RETRY_BASE_SECONDS  = 'risiti_retry_base_seconds';
	const FAILURES            = 'risiti_failures';
	const TAX_RATES_TRANSIENT = 'risiti_tax_rates';
	const ACTION_GROUP        = 'risiti';
	const GUIDE_PATH          = '/api/v1/integrations/woocommerce/guide';

	/**
	 * Every option the plugin writes, for uninstall.
	 *
	 * @return string[]
	 */
	public static function option_names() {
		return array(
			self::BASE_URL,
			self::API_KEY,
			self::BUSINESS_ID,
			self::UNTAXED_LINES,
			self::TRIGGER_STATUSES,
			self::AUTO_FINALIZE,
			self::AUTO_SUBMIT_NRS,
			self::RETRY_BASE_SECONDS,
			self::FAILURES,
		);
	}

	/** @return string The API's base URL without a trailing slash. */
	public function base_url() {
		return untrailingslashit( trim( (string) get_option( self::BASE_URL, 'https://api.risiti.ng' ) ) );
	}

	/** @return string The setup guide, as the API serves it. */
	public function guide_url() {
		return $this->base_url() . self::GUIDE_PATH;
	}

	/** @return string The API key; never print or log it. */
	public function api_key() {
		return trim( (string) get_option( self::API_KEY, '' ) );
	}

	/** @return string The key as the settings page shows it: its prefix and last four characters. */
	public function masked_api_key() {
		$key = $this->api_key();
		if ( '' === $key ) {
			return '';
		}
		$prefix = 0 === strpos( $key, 'rs_test_' ) ? 'rs_test_' : ( 0 === strpos( $key, 'rs_live_' ) ? 'rs_live_' : '' );
		return $prefix . str_repeat( '•', 8 ) . substr( $key, -4 );
	}

	/** @return string The tenant id the Finora-dialect calls name as businessId ('' until known). */
	public function business_id() {
		return trim( (string) get_option( self::BUSINESS_ID, '' ) );
	}

	/**
	 * Remembers the business id the API reported for the key (Test connection, or the first sync).
	 *
	 * @param string $business_id The tenant id.
	 */
	public function remember_business_id( $business_id ) {
		update_option( self::BUSINESS_ID, sanitize_text_field( $business_id ) );
	}

	/** @return string 'zero_rated' or 'exempt': how lines WooCommerce charged no tax on are shown to NRS. */
	public function untaxed_lines() {
		return 'exempt' === get_option( self::UNTAXED_LINES, 'zero_rated' ) ? 'exempt' : 'zero_rated';
	}

	/** @return string[] Order statuses (without "wc-") that make an order an invoice. */
	public function trigger_statuses() {
		$statuses = get_option( self::TRIGGER_STATUSES, array( 'processing', 'completed' ) );
		if ( ! is_array( $statuses ) || empty( $statuses ) ) {
			$statuses = array( 'processing', 'completed' );
		}
		return array_map(
			static function ( $status ) {
				return 0 === strpos( $status, 'wc-' ) ? substr( $status, 3 ) : $status;
			},
			$statuses
		);
	}

	/** @return bool Whether invoices are finalized (IRN, signature, QR) right after they are created. */
	public function auto_finalize() {
		return 'no' !== get_option( self::AUTO_FINALIZE, 'yes' );
	}

	/** @return bool Whether finalized invoices are submitted to NRS at once. */
	public function auto_submit_nrs() {
		return 'yes' === get_option( self::AUTO_SUBMIT_NRS, 'no' );
	}

	/** @return int First retry delay in seconds; each next attempt waits twice as long. */
	public function retry_base_seconds() {
		return max( 1, (int) get_option( self::RETRY_BASE_SECONDS, 60 ) );
	}

	/** @return bool Whether a key and a base URL are set. */
	public function is_configured() {
		return '' !== $this->api_key() && '' !== $this->base_url();
	}
}
