/* Risiti for WooCommerce: the settings page's "Test connection" button (save the settings first). */
( function () {
	var button = document.getElementById( 'risiti-test-connection' );
	if ( ! button ) {
		return;
	}
	var result = document.getElementById( 'risiti-test-connection-result' );
	button.addEventListener( 'click', function () {
		var body = new URLSearchParams();
		body.append( 'action', 'risiti_test_connection' );
		body.append( '_ajax_nonce', button.getAttribute( 'data-nonce' ) );
		result.textContent = '…';
		window.fetch( window.ajaxurl, { method: 'POST', credentials: 'same-origin', body: body } )
			.then( function ( response ) { return response.json(); } )
			.then( function ( answer ) { result.textContent = answer.data && answer.data.message ? answer.data.message : String( answer.success ); } )
			.catch( function ( error ) { result.textContent = String( error ); } );
	} );
}() );
