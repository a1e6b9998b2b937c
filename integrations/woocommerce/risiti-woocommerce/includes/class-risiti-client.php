<?php
/**
 * The Risiti API over WordPress's HTTP API.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * One call = one wp_remote_request with the key, JSON, and (on writes) an Idempotency-Key, so a retried call
 * answers the first call's outcome instead of doing the work twice.
 */
class Risiti_Client {

	const TIMEOUT_SECONDS = 20;

	/** @var Risiti_Settings */
	private $settings;

	/**
	 * @param Risiti_Settings $settings Where the base URL and key come from.
	 */
	public function __construct( Risiti_Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * GET a path.
	 *
	 * @param string $path Path and query, e.g. /api/v1/auth/me.
	 * @return array The decoded body.
	 * @throws Risiti_Api_Error When the call fails.
	 */
	public function get( $path ) {
		return $this->request( 'GET', $path, null, null );
	}

	/**
	 * POST a JSON body.
	 *
	 * @param string     $path            Path and query.
	 * @param array|null $body            Body, encoded as JSON.
	 * @param string     $idempotency_key Names this write; the same key and body replay the first answer.
	 * @return array The decoded body.
	 * @throws Risiti_Api_Error When the call fails.
	 */
	public function post( $path, $body, $idempotency_key ) {
		return $this->request( 'POST', $path, $body, $idempotency_key );
	}

	/**
	 * GET a document (the invoice PDF) as bytes.
	 *
	 * @param string $path Path.
	 * @return string The body.
	 * @throws Risiti_Api_Error When the call fails.
	 */
	public function download( $path ) {
		return $this->request( 'GET', $path, null, null, 'application/pdf' );
	}

	/**
	 * The full URL of a path, for links (the PDF, the pay page).
	 *
	 * @param string $path Path.
	 * @return string
	 */
	public function url( $path ) {
		return $this->settings->base_url() . $path;
	}

	/**
	 * @param string      $method          HTTP method.
	 * @param string      $path            Path and query.
	 * @param array|null  $body            JSON body.
	 * @param string|null $idempotency_key Idempotency-Key header.
	 * @param string      $accept          What to accept; anything but JSON is answered as the raw body.
	 * @return array|string
	 * @throws Risiti_Api_Error When the API cannot be reached or answers an error.
	 */
	private function request( $method, $path, $body, $idempotency_key, $accept = 'application/json' ) {
		if ( ! $this->settings->is_configured() ) {
			throw new Risiti_Api_Error( 0, 'NOT_CONFIGURED', __( 'Set the Risiti API key and base URL under WooCommerce → Settings → Risiti.', 'risiti-woocommerce' ), false );
		}
		$headers = array(
			'x-api-key'  => $this->settings->api_key(),
			'Accept'     => $accept,
			'User-Agent' => 'risiti-woocommerce/' . RISITI_WC_VERSION,
		);
		$args    = array(
			'method'  => $method,
			'timeout' => self::TIMEOUT_SECONDS,
			'headers' => $headers,
		);
		if ( 'POST' === $method ) {
			// Actions without a body (finalize, submit-firs) still send JSON: an empty POST may go out as a form.
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = null === $body ? '{}' : wp_json_encode( $body );
		}
		if ( null !== $idempotency_key ) {
			$args['headers']['Idempotency-Key'] = $idempotency_key;
		}

		$response = wp_remote_request( $this->url( $path ), $args );
		if ( is_wp_error( $response ) ) {
			// The API is away or unreachable: the same call later may well succeed.
			throw new Risiti_Api_Error( 0, 'TRANSPORT_ERROR', $response->get_error_message(), true );
		}
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$decoded = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( $status >= 200 && $status < 300 && 'application/json' !== $accept ) {
			return (string) wp_remote_retrieve_body( $response );
		}
		if ( $status >= 200 && $status < 300 ) {
			return is_array( $decoded ) ? $decoded : array();
		}
		$error   = is_array( $decoded ) && isset( $decoded['error'] ) && is_array( $decoded['error'] ) ? $decoded['error'] : array();
		$code    = isset( $error['code'] ) ? (string) $error['code'] : 'HTTP_' . $status;
		$message = isset( $error['message'] ) ? (string) $error['message'] : wp_remote_retrieve_response_message( $response );
		if ( ! empty( $error['field'] ) ) {
			$message .= ' (' . $error['field'] . ')';
		} elseif ( ! empty( $error['details'][0]['field'] ) ) {
			$message .= ' (' . $error['details'][0]['field'] . ': ' . $error['details'][0]['message'] . ')';
		}
		// 429, 5xx, and 409 while the first request with this key is still running: later, the same call can pass.
		$retryable = 429 === $status || $status >= 500 || ( 409 === $status && false !== strpos( $message, 'still being processed' ) );
		throw new Risiti_Api_Error( $status, $code, $message, $retryable );
	}
}
