<?php
/**
 * Wires the plugin into WordPress and WooCommerce.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * Builds the plugin's objects once and registers their hooks.
 */
final class Risiti_Plugin {

	/** @var Risiti_Order_Sync|null */
	private static $sync;

	/** Hooked to plugins_loaded. */
	public static function boot() {
		if ( ! class_exists( 'WooCommerce' ) ) {
			add_action(
				'admin_notices',
				static function () {
					echo '<div class="notice notice-error"><p>' . esc_html__( 'Risiti for WooCommerce needs WooCommerce to be active.', 'risiti-woocommerce' ) . '</p></div>';
				}
			);
			return;
		}
		$settings   = new Risiti_Settings();
		$client     = new Risiti_Client( $settings );
		$retries    = new Risiti_Retries( $settings );
		self::$sync = new Risiti_Order_Sync( $settings, $client, $retries );

		add_action( 'woocommerce_order_status_changed', array( self::$sync, 'on_status_changed' ), 10, 3 );
		add_action( 'woocommerce_payment_complete', array( self::$sync, 'on_payment_complete' ), 10, 1 );
		add_action( 'woocommerce_order_refunded', array( self::$sync, 'on_refunded' ), 10, 2 );
		add_action( Risiti_Order_Sync::SYNC_HOOK, array( self::$sync, 'retry_order' ), 10, 1 );
		add_action( Risiti_Order_Sync::REFUND_HOOK, array( self::$sync, 'retry_refund' ), 10, 2 );

		( new Risiti_Admin( $settings, $client, self::$sync, $retries ) )->register();
		( new Risiti_Emails( $client ) )->register();
		add_filter(
			'woocommerce_get_settings_pages',
			static function ( $pages ) use ( $settings ) {
				require_once RISITI_WC_DIR . '/includes/class-risiti-settings-page.php';
				$pages[] = new Risiti_Settings_Page( $settings );
				return $pages;
			}
		);
		add_filter(
			'plugin_action_links_' . plugin_basename( RISITI_WC_FILE ),
			static function ( $links ) {
				array_unshift( $links, '<a href="' . esc_url( admin_url( 'admin.php?page=wc-settings&tab=risiti' ) ) . '">' . esc_html__( 'Settings', 'risiti-woocommerce' ) . '</a>' );
				return $links;
			}
		);
	}

	/** @return Risiti_Order_Sync|null The order flow, once booted. */
	public static function sync() {
		return self::$sync;
	}
}
