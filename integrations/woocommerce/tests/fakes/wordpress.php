<?php
/**
 * The WordPress functions the plugin calls, faked as thin as the tests allow: options and transients in memory,
 * hooks in a table, and wp_remote_request doing real HTTP with curl (the plugin talks to the real API).
 *
 * @package Risiti_WooCommerce\Tests
 */

define( 'ABSPATH', __DIR__ . '/' );
define( 'DAY_IN_SECONDS', 86400 );

/** The fake site: options, hooks, what was logged and printed. */
final class Fake_WordPress {
	/** @var array */
	public static $options = array();
	/** @var array hook => list of callables with their accepted args */
	public static $hooks = array();
	/** @var string[] */
	public static $log = array();
	/** @var int Seconds added to time() by the fake Action Scheduler's clock. */
	public static $now_offset = 0;

	public static function reset() {
		self::$options    = array();
		self::$hooks      = array();
		self::$log        = array();
		self::$now_offset = 0;
	}
}

class WP_Error {
	private $message;
	public function __construct( $code = '', $message = '' ) {
		$this->message = $message;
	}
	public function get_error_message() {
		return $this->message;
	}
}

function is_wp_error( $thing ) {
	return $thing instanceof WP_Error;
}

function get_option( $name, $default = false ) {
	return array_key_exists( $name, Fake_WordPress::$options ) ? Fake_WordPress::$options[ $name ] : $default;
}

function update_option( $name, $value, $autoload = null ) {
	Fake_WordPress::$options[ $name ] = $value;
	return true;
}

function delete_option( $name ) {
	unset( Fake_WordPress::$options[ $name ] );
	return true;
}

function get_transient( $name ) {
	return get_option( '_transient_' . $name );
}

function set_transient( $name, $value, $expiration = 0 ) {
	return update_option( '_transient_' . $name, $value );
}

function delete_transient( $name ) {
	return delete_option( '_transient_' . $name );
}

function add_action( $hook, $callback, $priority = 10, $accepted_args = 1 ) {
	Fake_WordPress::$hooks[ $hook ][] = array( $callback, $accepted_args );
	return true;
}

function add_filter( $hook, $callback, $priority = 10, $accepted_args = 1 ) {
	return add_action( $hook, $callback, $priority, $accepted_args );
}

function do_action( $hook, ...$args ) {
	do_action_ref_array( $hook, $args );
}

function do_action_ref_array( $hook, $args ) {
	foreach ( isset( Fake_WordPress::$hooks[ $hook ] ) ? Fake_WordPress::$hooks[ $hook ] : array() as $registered ) {
		call_user_func_array( $registered[0], array_slice( $args, 0, $registered[1] ) );
	}
}

function apply_filters( $hook, $value, ...$args ) {
	foreach ( isset( Fake_WordPress::$hooks[ $hook ] ) ? Fake_WordPress::$hooks[ $hook ] : array() as $registered ) {
		$value = call_user_func_array( $registered[0], array_slice( array_merge( array( $value ), $args ), 0, $registered[1] ) );
	}
	return $value;
}

function __( $text, $domain = null ) {
	return $text;
}

function esc_html__( $text, $domain = null ) {
	return esc_html( $text );
}

function esc_html_e( $text, $domain = null ) {
	echo esc_html( $text );
}

function esc_html( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}

function esc_attr( $text ) {
	return esc_html( $text );
}

function esc_url( $url ) {
	return esc_html( $url );
}

function sanitize_text_field( $text ) {
	return trim( wp_strip_all_tags( (string) $text ) );
}

function wp_strip_all_tags( $text ) {
	return strip_tags( $text );
}

function sanitize_key( $key ) {
	return preg_replace( '/[^a-z0-9_\-]/', '', strtolower( $key ) );
}

function sanitize_file_name( $name ) {
	return preg_replace( '/[^A-Za-z0-9._-]/', '-', (string) $name );
}

function wp_unslash( $value ) {
	return $value;
}

function absint( $value ) {
	return abs( (int) $value );
}

function untrailingslashit( $text ) {
	return rtrim( $text, '/\\' );
}

function trailingslashit( $text ) {
	return untrailingslashit( $text ) . '/';
}

function home_url( $path = '' ) {
	return 'https://shop.example.ng' . $path;
}

function admin_url( $path = '' ) {
	return home_url( '/wp-admin/' . $path );
}

function plugins_url( $path = '', $plugin = '' ) {
	return home_url( '/wp-content/plugins/risiti-woocommerce/' . $path );
}

function plugin_basename( $file ) {
	return 'risiti-woocommerce/' . basename( $file );
}

function get_temp_dir() {
	return sys_get_temp_dir();
}

function wp_json_encode( $data ) {
	return json_encode( $data );
}

function wp_rand( $min = 0, $max = 0 ) {
	return random_int( $min, $max );
}

/** The capabilities of the signed-in user: a shop manager unless a test says otherwise. */
function current_user_can( $capability ) {
	return in_array( $capability, get_option( '__fake_capabilities', array( 'manage_woocommerce', 'edit_shop_orders' ) ), true );
}

/** Real HTTP: the plugin's calls reach the running stack (or fail as they would when it is down). */
function wp_remote_request( $url, $args = array() ) {
	$curl    = curl_init( $url );
	$headers = array();
	foreach ( isset( $args['headers'] ) ? $args['headers'] : array() as $name => $value ) {
		$headers[] = $name . ': ' . $value;
	}
	curl_setopt_array(
		$curl,
		array(
			CURLOPT_CUSTOMREQUEST  => isset( $args['method'] ) ? $args['method'] : 'GET',
			CURLOPT_HTTPHEADER     => $headers,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT        => isset( $args['timeout'] ) ? $args['timeout'] : 5,
			CURLOPT_CONNECTTIMEOUT => 5,
		)
	);
	if ( isset( $args['body'] ) ) {
		curl_setopt( $curl, CURLOPT_POSTFIELDS, $args['body'] );
	} elseif ( isset( $args['method'] ) && 'POST' === $args['method'] ) {
		curl_setopt( $curl, CURLOPT_POSTFIELDS, '' );
	}
	$body = curl_exec( $curl );
	if ( false === $body ) {
		$error = curl_error( $curl );
		curl_close( $curl );
		return new WP_Error( 'http_request_failed', $error );
	}
	$code = curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
	curl_close( $curl );
	return array(
		'response' => array(
			'code'    => $code,
			'message' => '',
		),
		'body'     => $body,
	);
}

function wp_remote_retrieve_response_code( $response ) {
	return $response['response']['code'];
}

function wp_remote_retrieve_response_message( $response ) {
	return $response['response']['message'];
}

function wp_remote_retrieve_body( $response ) {
	return $response['body'];
}

/** What wp_send_json_* and wp_die would have sent before exiting; thrown so the test sees it. */
final class Fake_Exit extends Exception {
	/** @var array|null */
	public $json;
	/** @var int */
	public $status;

	public function __construct( $json, $status, $message = '' ) {
		parent::__construct( $message );
		$this->json   = $json;
		$this->status = $status;
	}
}

function wp_create_nonce( $action ) {
	return 'nonce-' . $action;
}

/** As WordPress's: dies (403) unless the request's nonce is the action's. */
function check_ajax_referer( $action, $query_arg = '_ajax_nonce' ) {
	if ( ! isset( $_REQUEST[ $query_arg ] ) || wp_create_nonce( $action ) !== $_REQUEST[ $query_arg ] ) {
		throw new Fake_Exit( null, 403, 'nonce' );
	}
	return 1;
}

function check_admin_referer( $action, $query_arg = '_wpnonce' ) {
	return check_ajax_referer( $action, $query_arg );
}

function wp_send_json_success( $data = null, $status = 200 ) {
	throw new Fake_Exit( array( 'success' => true, 'data' => $data ), $status );
}

function wp_send_json_error( $data = null, $status = 200 ) {
	throw new Fake_Exit( array( 'success' => false, 'data' => $data ), $status );
}

function wp_die( $message = '', $status = 500 ) {
	throw new Fake_Exit( null, is_array( $status ) ? 500 : $status, (string) $message );
}

function wp_nonce_url( $url, $action = -1, $name = '_wpnonce' ) {
	return $url . ( false === strpos( $url, '?' ) ? '?' : '&' ) . $name . '=' . wp_create_nonce( $action );
}
